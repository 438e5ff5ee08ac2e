// RFC 2408 section 3.9 (CERT) and section 3.10 (CR) share one shape.
//
//    0                   1                   2                   3
//   +---------------+-----------------------------------------------+
//   | Cert Encoding |  Certificate Data (CERT) or                   |
//   +---------------+  Certificate Authority (CR)                   ~
//   ~                                                               ~
//   +---------------------------------------------------------------+

/// The CERT payload: an encoding and certificate data.
public struct ISAKMPCertificatePayload: Hashable, Sendable {
    /// The Certificate Encoding (4: X.509 signature certificate).
    public var encoding: CertificateEncoding
    /// The Certificate Data.
    public var data: [UInt8]

    /// A CERT payload.
    public init(encoding: CertificateEncoding, data: [UInt8]) {
        self.encoding = encoding
        self.data = data
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

/// The CR payload: the certificate type asked for and an acceptable authority.
public struct ISAKMPCertificateRequestPayload: Hashable, Sendable {
    /// The Certificate Type asked for.
    public var encoding: CertificateEncoding
    /// The Certificate Authority: for X.509, the DER Distinguished Name of an acceptable
    /// CA, or empty for any.
    public var certificateAuthority: [UInt8]

    /// A CR payload.
    public init(encoding: CertificateEncoding, certificateAuthority: [UInt8] = []) {
        self.encoding = encoding
        self.certificateAuthority = certificateAuthority
    }

    init(body reader: inout ByteReader, type: UInt8) throws(WireError) {
        encoding = CertificateEncoding(rawValue: try reader.field8("Cert Type", in: type))
        certificateAuthority = reader.readRest()
    }

    func write(to writer: inout ByteWriter) {
        writer.write(encoding.rawValue)
        writer.write(certificateAuthority)
    }
}
