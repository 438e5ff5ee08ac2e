// RFC 7296 section 3.6 (CERT) and section 3.7 (CERTREQ) share one shape.
//
//    0                   1                   2                   3
//   +---------------+-----------------------------------------------+
//   | Cert Encoding |  Certificate Data (CERT) or                   |
//   +---------------+  Certification Authority (CERTREQ)            ~
//   ~                                                               ~
//   +---------------------------------------------------------------+

/// A CERT payload: an encoding and the certificate (or other credential) data.
public struct IKEv2CertificatePayload: Hashable, Sendable {
    /// The Cert Encoding (4: DER X.509 certificate, 12: hash and URL, 15: raw public key).
    public var encoding: CertificateEncoding
    /// The Certificate Data.
    public var data: [UInt8]

    /// A CERT payload.
    public init(encoding: CertificateEncoding, data: [UInt8]) {
        self.encoding = encoding
        self.data = data
    }

    /// For encoding 12 (hash and URL of an X.509 certificate, RFC 7296 section 3.6): the
    /// 20-octet SHA-1 hash and the URL text; nil for other encodings or malformed data.
    public var hashAndURL: (hash: [UInt8], url: String)? {
        guard encoding == .hashAndURLX509 || encoding == .hashAndURLBundle, data.count > 20,
            let url = String(validating: data[20...], as: UTF8.self)
        else { return nil }
        return (Array(data[..<20]), url)
    }

    init(body reader: inout ByteReader, type: UInt8) throws(WireError) {
        encoding = CertificateEncoding(rawValue: try reader.field8("Cert Encoding", in: type))
        data = reader.readRest()
    }

    func write(to writer: inout ByteWriter) {
        writer.write(encoding.rawValue)
        writer.write(data)
    }
}

/// A CERTREQ payload: an encoding and the acceptable certification authorities.
public struct IKEv2CertificateRequestPayload: Hashable, Sendable {
    /// The Cert Encoding of the certificates asked for.
    public var encoding: CertificateEncoding
    /// The Certification Authority field: for X.509, concatenated 20-octet SHA-1 hashes of
    /// trusted CAs' public keys (SubjectPublicKeyInfo).
    public var certificationAuthority: [UInt8]

    /// A CERTREQ payload.
    public init(encoding: CertificateEncoding, certificationAuthority: [UInt8]) {
        self.encoding = encoding
        self.certificationAuthority = certificationAuthority
    }

    /// A CERTREQ for X.509 signature certificates from CAs with these SHA-1 key hashes.
    public init(x509AuthorityKeyHashes hashes: [[UInt8]]) {
        self.init(encoding: .x509Signature, certificationAuthority: hashes.flatMap { $0 })
    }

    /// The individual 20-octet SHA-1 key hashes; nil when the field is not a whole
    /// number of them.
    public var authorityKeyHashes: [[UInt8]]? {
        guard certificationAuthority.count % 20 == 0 else { return nil }
        return stride(from: 0, to: certificationAuthority.count, by: 20).map {
            Array(certificationAuthority[$0..<$0 + 20])
        }
    }

    init(body reader: inout ByteReader, type: UInt8) throws(WireError) {
        encoding = CertificateEncoding(rawValue: try reader.field8("Cert Encoding", in: type))
        certificationAuthority = reader.readRest()
    }

    func write(to writer: inout ByteWriter) {
        writer.write(encoding.rawValue)
        writer.write(certificationAuthority)
    }
}
