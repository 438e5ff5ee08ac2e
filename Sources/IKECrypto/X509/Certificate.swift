internal import CCrypto
internal import CCryptoShim
import Foundation

/// An X.509 certificate (RFC 5280): what a CERT payload carries and what authenticates a
/// peer's public key. Immutable and safe to share.
public final class Certificate: @unchecked Sendable, Hashable {
    // The X509 object is only read after init (chain validation takes its own references).
    let x509: OpaquePointer
    /// The DER encoding, as a CERT payload of encoding 4 carries it.
    public let der: [UInt8]

    /// A certificate from its DER encoding; `invalidCertificate` if it does not parse or
    /// has trailing octets.
    public init(der: [UInt8]) throws {
        let decoded = der.withUnsafeBufferPointer { buffer -> OpaquePointer? in
            var cursor = buffer.baseAddress
            let certificate = d2i_X509(nil, &cursor, buffer.count)
            if let certificate, cursor != buffer.baseAddress! + buffer.count {
                X509_free(certificate)
                return nil
            }
            return certificate
        }
        x509 = try checkPointer(decoded, "not a DER certificate", .invalidCertificate)
        self.der = der
    }

    /// Takes ownership of an `X509` and re-encodes it.
    private init(owning pointer: OpaquePointer) throws {
        x509 = pointer
        var buffer: UnsafeMutablePointer<UInt8>?
        let length = i2d_X509(pointer, &buffer)
        guard length > 0, let buffer else {
            throw ErrorQueue.error(.invalidCertificate, "i2d_X509")
        }
        defer { ikec_openssl_free(buffer) }
        der = Array(UnsafeBufferPointer(start: buffer, count: Int(length)))
    }

    /// A new reference to an `X509` owned elsewhere (a verified chain's members).
    static func referencing(_ pointer: OpaquePointer) throws -> Certificate {
        guard X509_up_ref(pointer) == 1 else {
            throw ErrorQueue.error(.libraryFailure, "X509_up_ref")
        }
        return try Certificate(owning: pointer)
    }

    deinit { X509_free(x509) }

    /// Every certificate in `bytes`: one or more PEM `CERTIFICATE` blocks, or one DER
    /// certificate. `invalidCertificate` if there is none.
    public static func load(_ bytes: [UInt8]) throws -> [Certificate] {
        let bio = try MemoryBIO(bytes)
        var certificates: [Certificate] = []
        while let certificate = PEM_read_bio_X509(bio.pointer, nil, noPassphrase, nil) {
            certificates.append(try Certificate(owning: certificate))
        }
        // The loop ends on "no start line" at the end of the input: expected.
        ErrorQueue.clear()
        if certificates.isEmpty { return [try Certificate(der: bytes)] }
        return certificates
    }

    /// Every certificate in PEM text.
    public static func load(pem: String) throws -> [Certificate] {
        try load(Array(pem.utf8))
    }

    /// The subject name.
    public var subject: DistinguishedName {
        get throws {
            try DistinguishedName(
                der: try NameHandle(copying: X509_get_subject_name(x509)).encoded())
        }
    }

    /// The issuer name.
    public var issuer: DistinguishedName {
        get throws {
            try DistinguishedName(
                der: try NameHandle(copying: X509_get_issuer_name(x509)).encoded())
        }
    }

    /// The subjectAltName entries of the kinds IKE identities use.
    public var subjectAltNames: [SubjectAltName] { SubjectAltName.entries(of: x509) }

    /// The subject's public key.
    public var publicKey: PublicKey {
        get throws {
            try PublicKey(
                owning: try checkPointer(X509_get_pubkey(x509), "X509_get_pubkey", .invalidKey))
        }
    }

    /// The SubjectPublicKeyInfo DER.
    public var subjectPublicKeyInfo: [UInt8] {
        get throws { try publicKey.subjectPublicKeyInfo }
    }

    /// SHA-1 of the SubjectPublicKeyInfo: the certification authority value of an IKEv2
    /// CERTREQ payload names a CA by this (RFC 7296 section 3.7).
    public var subjectPublicKeyInfoSHA1: [UInt8] {
        get throws { try Hash(.sha1).digest(try subjectPublicKeyInfo) }
    }

    /// SHA-1 of the whole DER certificate (its common fingerprint, and the hash of
    /// "Hash and URL" encodings, RFC 7296 section 3.6).
    public var sha1Fingerprint: [UInt8] {
        get throws { try Hash(.sha1).digest(der) }
    }

    /// Start of the validity period.
    public var notBefore: Date {
        get throws { try Self.date(X509_get0_notBefore(x509)) }
    }

    /// End of the validity period.
    public var notAfter: Date {
        get throws { try Self.date(X509_get0_notAfter(x509)) }
    }

    /// Whether basicConstraints marks this certificate as a CA.
    public var isCertificateAuthority: Bool { X509_check_ca(x509) != 0 }

    private static func date(_ time: UnsafePointer<ASN1_TIME>?) throws -> Date {
        var parts = tm()
        guard let time, ASN1_TIME_to_tm(time, &parts) == 1 else {
            throw ErrorQueue.error(.invalidCertificate, "unreadable validity time")
        }
        return Date(timeIntervalSince1970: TimeInterval(timegm(&parts)))
    }

    /// Certificates are equal when their DER encodings are.
    public static func == (lhs: Certificate, rhs: Certificate) -> Bool { lhs.der == rhs.der }

    /// Hashes the DER encoding.
    public func hash(into hasher: inout Hasher) { hasher.combine(der) }
}
