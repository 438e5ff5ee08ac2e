import IKECrypto
import IKEWire

// RFC 7296 section 3.7: a CERTREQ for X.509 certificates lists the SHA-1 hashes of the
// trusted CAs' SubjectPublicKeyInfo. The SubjectPublicKeyInfo is read straight from the
// certificate's DER (RFC 5280 section 4.1):
//
//   Certificate ::= SEQUENCE { tbsCertificate SEQUENCE {
//       [0] version OPTIONAL, serialNumber, signature, issuer, validity, subject,
//       subjectPublicKeyInfo, ... }, ... }
//
// which avoids a round trip through libcrypto's key decoders and encoders, the slowest
// part of OpenSSL 3 for this job.

/// The CERTREQ payload of our trust anchors.
enum CertificateRequestTask {
    /// A CERTREQ naming `anchors`, or nil when there are none.
    static func payload(anchors: [Certificate]) throws -> IKEv2Payload? {
        guard !anchors.isEmpty else { return nil }
        let hashes = try anchors.map { anchor in
            if let spki = subjectPublicKeyInfo(of: anchor.der) {
                return try Hash(.sha1).digest(spki)
            }
            return try anchor.subjectPublicKeyInfoSHA1
        }
        return .certificateRequest(IKEv2CertificateRequestPayload(x509AuthorityKeyHashes: hashes))
    }

    /// The SubjectPublicKeyInfo element of a DER certificate, or nil if the structure is
    /// not as expected.
    static func subjectPublicKeyInfo(of der: [UInt8]) -> [UInt8]? {
        guard let certificate = element(der, at: 0), certificate.tag == 0x30,
            let tbs = element(der, at: certificate.contentStart), tbs.tag == 0x30
        else { return nil }
        var position = tbs.contentStart
        if let version = element(der, at: position), version.tag == 0xA0 {
            position = version.end
        }
        for _ in 0..<5 {
            guard let skipped = element(der, at: position), skipped.end <= tbs.end else {
                return nil
            }
            position = skipped.end
        }
        guard let spki = element(der, at: position), spki.tag == 0x30, spki.end <= tbs.end
        else { return nil }
        return Array(der[position..<spki.end])
    }

    /// The DER element at `start`: its tag, where its content starts and where it ends.
    private static func element(_ der: [UInt8], at start: Int)
        -> (tag: UInt8, contentStart: Int, end: Int)?
    {
        guard start >= 0, start + 2 <= der.count else { return nil }
        let tag = der[start]
        let first = der[start + 1]
        var length = 0
        var contentStart = start + 2
        if first < 0x80 {
            length = Int(first)
        } else {
            let count = Int(first & 0x7F)
            guard count >= 1, count <= 3, contentStart + count <= der.count else { return nil }
            for index in 0..<count { length = length << 8 | Int(der[contentStart + index]) }
            contentStart += count
        }
        let end = contentStart + length
        guard end <= der.count else { return nil }
        return (tag, contentStart, end)
    }
}
