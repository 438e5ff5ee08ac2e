import IKECore

/// RFC 9395, "Deprecation of the IKEv1 Protocol and Obsoleted Algorithms": IKEv1 itself
/// (section 2) and the algorithms that only IKEv1 ever used, marked Deprecated in the
/// IANA registries (section 3) for IKE and ESP alike.
///
/// Written from the RFC as the author knows it; no copy of the RFC text was at hand to
/// compare against while writing. The list of deprecated algorithms is certain; whether
/// section 3 says MUST NOT for them (rather than only marking them Deprecated) is not,
/// so they are recorded at the Deprecated level.
enum RFC9395Requirements {
    // swift-format-ignore
    static let rows: [AlgorithmRequirement] = [
        deprecated(.encryption(.rc5)),
        deprecated(.encryption(.idea)),
        deprecated(.encryption(.cast)),
        deprecated(.encryption(.blowfish)),
        deprecated(.encryption(.tripleIDEA)),
        deprecated(.encryption(.desIV64)),
        deprecated(.encryption(.desIV32)),
        deprecated(.prf(.hmacTiger)),
        deprecated(.integrity(.desMAC)),
        deprecated(.integrity(.kpdkMD5)),
    ]

    /// Section 2: IKEv1 is deprecated; its RFCs are Historic.
    static let ikev1 = Citation(rfc: 9395, section: "2")

    private static func deprecated(_ key: AlgorithmKey) -> AlgorithmRequirement {
        AlgorithmRequirement(key, .deprecated, rfc: 9395, section: "3", uses: [.ike, .esp, .ah])
    }
}
