// Test credentials for the certificate benchmark: an ECDSA P-256 CA and two end-entity
// certificates with their keys, made by Tests/IKEEngineTests/Fixtures/make-fixtures.sh.
// They protect nothing; they are here so the benchmark needs no files at run time.

/// PEM texts of the benchmark's credentials.
enum BenchmarkCredentials {
    /// ca-ecdsa.pem.
    static let caCertificate = """
        -----BEGIN CERTIFICATE-----
        MIIBzjCCAXSgAwIBAgIUVCzykq+2yeZieWF7MZqhwN+P70IwCgYIKoZIzj0EAwIw
        NTELMAkGA1UEBhMCQ0gxEzARBgNVBAoMCmlrZWMgdGVzdHMxETAPBgNVBAMMCGNh
        LWVjZHNhMCAXDTI2MTIwMzE3NDcxMVoYDzIxMjYxMTA5MTc0NzExWjA1MQswCQYD
        VQQGEwJDSDETMBEGA1UECgwKaWtlYyB0ZXN0czERMA8GA1UEAwwIY2EtZWNkc2Ew
        WTATBgcqhkjOPQIBBggqhkjOPQMBBwNCAAR2CALWI6FJV41yruxZViV/ZwSnsGVN
        Q2WcsqWW4k1xGOjxxV+3YC9L3/eiVOjaMfnt2n14vAndcSieLVOwaVbWo2AwXjAd
        BgNVHQ4EFgQUMJ+f0y75jERN7nY+23pk13UBhfQwHwYDVR0jBBgwFoAUMJ+f0y75
        jERN7nY+23pk13UBhfQwDwYDVR0TAQH/BAUwAwEB/zALBgNVHQ8EBAMCAQYwCgYI
        KoZIzj0EAwIDSAAwRQIgZx+waOp7zTP79+YO3j+QfAK+XuiArzHYnBM7uFN4YV0C
        IQCHGQEBB/zGniD3iFJGcaIkl7bdNtMAgUnkiI3kOkEmcA==
        -----END CERTIFICATE-----
        """

    /// hq-ecdsa.pem.
    static let hqCertificate = """
        -----BEGIN CERTIFICATE-----
        MIIB5TCCAYygAwIBAgIUXmNHU0liYvZN+QqaVs86WGW55xowCgYIKoZIzj0EAwIw
        NTELMAkGA1UEBhMCQ0gxEzARBgNVBAoMCmlrZWMgdGVzdHMxETAPBgNVBAMMCGNh
        LWVjZHNhMCAXDTI2MTIwMzE3NDcxMVoYDzIxMjYxMTA5MTc0NzExWjA1MQswCQYD
        VQQGEwJDSDETMBEGA1UECgwKaWtlYyB0ZXN0czERMA8GA1UEAwwIaHEtZWNkc2Ew
        WTATBgcqhkjOPQIBBggqhkjOPQMBBwNCAAQGQwE1rxym2Sj9HsY9fzZR4nrLLMju
        fZbOj2cFNJ3ZIOrgWGOyEovtC3O7zqYHQLQBMksM0xyT/nvecly93qIpo3gwdjAM
        BgNVHRMBAf8EAjAAMAsGA1UdDwQEAwIHgDAZBgNVHREEEjAQgg5ocS5leGFtcGxl
        Lm5ldDAdBgNVHQ4EFgQUSNqIcM4qs6IdNiptqQueYf/WtrQwHwYDVR0jBBgwFoAU
        MJ+f0y75jERN7nY+23pk13UBhfQwCgYIKoZIzj0EAwIDRwAwRAIgVqFGj40/TbEy
        k6zqKhtshELkrBcVwOu5WGxB7sjNgbsCIGvP3CsY2aBMjLMBZG3ThRQncZpwo7SX
        2qCs9IqoWO0k
        -----END CERTIFICATE-----
        """

    /// hq-ecdsa.key.
    static let hqKey = """
        -----BEGIN PRIVATE KEY-----
        MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgcY4X2MxByj9o1cfF
        utKcUejvckG3hFmHqrDCn1zcSI2hRANCAAQGQwE1rxym2Sj9HsY9fzZR4nrLLMju
        fZbOj2cFNJ3ZIOrgWGOyEovtC3O7zqYHQLQBMksM0xyT/nvecly93qIp
        -----END PRIVATE KEY-----
        """

    /// branch-ecdsa.pem.
    static let branchCertificate = """
        -----BEGIN CERTIFICATE-----
        MIIB7zCCAZSgAwIBAgIUXmNHU0liYvZN+QqaVs86WGW55xswCgYIKoZIzj0EAwIw
        NTELMAkGA1UEBhMCQ0gxEzARBgNVBAoMCmlrZWMgdGVzdHMxETAPBgNVBAMMCGNh
        LWVjZHNhMCAXDTI2MTIwMzE3NDcxMVoYDzIxMjYxMTA5MTc0NzExWjA5MQswCQYD
        VQQGEwJDSDETMBEGA1UECgwKaWtlYyB0ZXN0czEVMBMGA1UEAwwMYnJhbmNoLWVj
        ZHNhMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEd6+BNXd2FJAH5Tvt/PLXSnRu
        mZ6Ln3NLhiiuHKhEh/hiUyFQXdc9i/WCqf7yw8TR2v2YQMduuW3zgBWYhE+YVaN8
        MHowDAYDVR0TAQH/BAIwADALBgNVHQ8EBAMCB4AwHQYDVR0RBBYwFIISYnJhbmNo
        LmV4YW1wbGUubmV0MB0GA1UdDgQWBBTxwwovtltn+OIaszo/gi8HzH8sszAfBgNV
        HSMEGDAWgBQwn5/TLvmMRE3udj7bemTXdQGF9DAKBggqhkjOPQQDAgNJADBGAiEA
        7nhr6A5ZijaN1Moig3UaC1+YmHNWC4SRVx2pYr5TriICIQDkXz9XM/daEc8ihwt9
        f5qi1ebpX9iqgnmBSgjbDSf2rg==
        -----END CERTIFICATE-----
        """

    /// branch-ecdsa.key.
    static let branchKey = """
        -----BEGIN PRIVATE KEY-----
        MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg7hEHIICjTfdp7tGu
        UGi976sYbpHA7yKIxclAVCYtB06hRANCAAR3r4E1d3YUkAflO+388tdKdG6Znouf
        c0uGKK4cqESH+GJTIVBd1z2L9YKp/vLDxNHa/ZhAx265bfOAFZiET5hV
        -----END PRIVATE KEY-----
        """
}
