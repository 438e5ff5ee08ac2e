import IKECore

// RFC 7427 section 3 and appendix A: the AUTH payload of method 14 starts with the DER
// AlgorithmIdentifier of the signature scheme:
//
//   AlgorithmIdentifier ::= SEQUENCE { algorithm OBJECT IDENTIFIER, parameters ANY OPTIONAL }
//
// RSA PKCS#1 v1.5 identifiers carry NULL parameters; ECDSA and EdDSA carry none; RSASSA-PSS
// carries RSASSA-PSS-params (RFC 4055 section 3.1), which ikec always writes in full.

/// Object identifiers (content octets only).
enum OID {
    static let sha1WithRSA: [UInt8] = [0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x01, 0x05]
    static let sha256WithRSA: [UInt8] = [0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x01, 0x0B]
    static let sha384WithRSA: [UInt8] = [0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x01, 0x0C]
    static let sha512WithRSA: [UInt8] = [0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x01, 0x0D]
    static let rsassaPSS: [UInt8] = [0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x01, 0x0A]
    static let mgf1: [UInt8] = [0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x01, 0x08]
    static let ecdsaSHA256: [UInt8] = [0x2A, 0x86, 0x48, 0xCE, 0x3D, 0x04, 0x03, 0x02]
    static let ecdsaSHA384: [UInt8] = [0x2A, 0x86, 0x48, 0xCE, 0x3D, 0x04, 0x03, 0x03]
    static let ecdsaSHA512: [UInt8] = [0x2A, 0x86, 0x48, 0xCE, 0x3D, 0x04, 0x03, 0x04]
    static let ed25519: [UInt8] = [0x2B, 0x65, 0x70]
    static let ed448: [UInt8] = [0x2B, 0x65, 0x71]
    static let sha256: [UInt8] = [0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01]
    static let sha384: [UInt8] = [0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x02]
    static let sha512: [UInt8] = [0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x03]

    static func hash(_ hash: HashAlgorithm) -> [UInt8]? {
        switch hash {
        case .sha256: return sha256
        case .sha384: return sha384
        case .sha512: return sha512
        case .md5, .sha1: return nil
        }
    }
}

extension SignatureScheme {
    /// The RFC 7427 AlgorithmIdentifier DER for this scheme, or nil for schemes that have
    /// none (the raw IKEv1 RSA signature, fixed-size ECDSA, and hashes RFC 7427 does not
    /// pair with the scheme).
    public var algorithmIdentifier: [UInt8]? {
        switch self {
        case .rsaPKCS1(let hash):
            let oid: [UInt8]
            switch hash {
            case .sha1: oid = OID.sha1WithRSA
            case .sha256: oid = OID.sha256WithRSA
            case .sha384: oid = OID.sha384WithRSA
            case .sha512: oid = OID.sha512WithRSA
            case .md5: return nil
            }
            return DER.encode(
                DER.sequence, DER.encode(DER.objectIdentifier, oid) + DER.encode(DER.null, []))
        case .rsaPSS(let hash):
            guard let hashOID = OID.hash(hash) else { return nil }
            return DER.encode(
                DER.sequence,
                DER.encode(DER.objectIdentifier, OID.rsassaPSS) + pssParameters(hash, hashOID))
        case .ecdsa(let hash, .der):
            let oid: [UInt8]
            switch hash {
            case .sha256: oid = OID.ecdsaSHA256
            case .sha384: oid = OID.ecdsaSHA384
            case .sha512: oid = OID.ecdsaSHA512
            case .md5, .sha1: return nil
            }
            return DER.encode(DER.sequence, DER.encode(DER.objectIdentifier, oid))
        case .ed25519:
            return DER.encode(DER.sequence, DER.encode(DER.objectIdentifier, OID.ed25519))
        case .ed448:
            return DER.encode(DER.sequence, DER.encode(DER.objectIdentifier, OID.ed448))
        case .rsaPKCS1Raw, .ecdsa(_, .raw):
            return nil
        }
    }

    /// RSASSA-PSS-params (RFC 4055 section 3.1) with every field written out: the hash,
    /// MGF1 over the same hash, the salt length in octets; the trailer field is left at
    /// its default.
    private func pssParameters(_ hash: HashAlgorithm, _ hashOID: [UInt8]) -> [UInt8] {
        let hashIdentifier = DER.encode(
            DER.sequence, DER.encode(DER.objectIdentifier, hashOID) + DER.encode(DER.null, []))
        let mgf = DER.encode(
            DER.sequence, DER.encode(DER.objectIdentifier, OID.mgf1) + hashIdentifier)
        let salt = DER.encode(DER.integer, [UInt8(hash.digestLength)])
        return DER.encode(
            DER.sequence,
            DER.encode(0xA0, hashIdentifier) + DER.encode(0xA1, mgf) + DER.encode(0xA2, salt))
    }

    /// The scheme named by a received RFC 7427 AlgorithmIdentifier (ECDSA ones decode to
    /// the DER encoding). `unknownAlgorithmIdentifier` for an OID ikec does not sign with,
    /// for parameters where none belong (or missing where required), for PSS parameters
    /// other than "hash, MGF1 with the same hash, salt as long as the digest", and for
    /// trailing octets.
    public init(algorithmIdentifier der: [UInt8]) throws {
        func reject(_ why: String) -> CryptoError {
            CryptoError(.unknownAlgorithmIdentifier, why)
        }
        guard let outer = DER.elements(der[...]), outer.count == 1, outer[0].tag == DER.sequence,
            let fields = DER.elements(outer[0].content), let first = fields.first,
            first.tag == DER.objectIdentifier, fields.count <= 2
        else { throw reject("not a DER AlgorithmIdentifier") }
        let oid = Array(first.content)
        let parameters = fields.count == 2 ? fields[1] : nil
        let nullOrAbsent =
            parameters == nil || (parameters!.tag == DER.null && parameters!.content.isEmpty)

        switch oid {
        case OID.sha1WithRSA, OID.sha256WithRSA, OID.sha384WithRSA, OID.sha512WithRSA:
            guard nullOrAbsent else { throw reject("RSA PKCS#1 v1.5 takes NULL parameters") }
            let hashes: [[UInt8]: HashAlgorithm] = [
                OID.sha1WithRSA: .sha1, OID.sha256WithRSA: .sha256,
                OID.sha384WithRSA: .sha384, OID.sha512WithRSA: .sha512,
            ]
            self = .rsaPKCS1(hashes[oid]!)
        case OID.ecdsaSHA256, OID.ecdsaSHA384, OID.ecdsaSHA512:
            guard parameters == nil else { throw reject("ECDSA takes no parameters") }
            let hash: HashAlgorithm =
                oid == OID.ecdsaSHA256 ? .sha256 : oid == OID.ecdsaSHA384 ? .sha384 : .sha512
            self = .ecdsa(hash, .der)
        case OID.ed25519, OID.ed448:
            guard parameters == nil else { throw reject("EdDSA takes no parameters") }
            self = oid == OID.ed25519 ? .ed25519 : .ed448
        case OID.rsassaPSS:
            guard let parameters, parameters.tag == DER.sequence else {
                throw reject("RSASSA-PSS needs explicit parameters")
            }
            self = .rsaPSS(try Self.pssHash(parameters.content))
        default:
            throw reject("unknown signature algorithm OID \(oid.hexString)")
        }
    }

    /// Reads RSASSA-PSS-params and returns its hash when the parameters are the only
    /// combination ikec accepts.
    private static func pssHash(_ content: ArraySlice<UInt8>) throws -> HashAlgorithm {
        func reject(_ why: String) -> CryptoError {
            CryptoError(.unknownAlgorithmIdentifier, "RSASSA-PSS parameters: \(why)")
        }
        guard let fields = DER.elements(content), fields.count == 3 || fields.count == 4,
            fields[0].tag == 0xA0, fields[1].tag == 0xA1, fields[2].tag == 0xA2
        else { throw reject("expected hash, MGF and salt length") }
        if fields.count == 4 {
            // trailerField [3] INTEGER, whose only defined value is 1.
            guard fields[3].tag == 0xA3, let trailer = DER.elements(fields[3].content),
                trailer.count == 1, trailer[0].tag == DER.integer,
                Array(trailer[0].content) == [1]
            else { throw reject("trailer field other than 1") }
        }
        guard let hashFields = DER.elements(fields[0].content), hashFields.count == 1,
            let hash = hashAlgorithm(hashFields[0])
        else { throw reject("unsupported hash") }
        guard let mgfFields = DER.elements(fields[1].content), mgfFields.count == 1,
            mgfFields[0].tag == DER.sequence,
            let mgf = DER.elements(mgfFields[0].content), mgf.count == 2,
            mgf[0].tag == DER.objectIdentifier, Array(mgf[0].content) == OID.mgf1,
            hashAlgorithm(mgf[1]) == hash
        else { throw reject("mask generation must be MGF1 with the signature's hash") }
        guard let saltFields = DER.elements(fields[2].content), saltFields.count == 1,
            saltFields[0].tag == DER.integer,
            Array(saltFields[0].content) == [UInt8(hash.digestLength)]
        else { throw reject("salt length must equal the digest length") }
        return hash
    }

    /// A hash AlgorithmIdentifier (parameters NULL or absent) among SHA-256/384/512.
    private static func hashAlgorithm(_ element: DER.Element) -> HashAlgorithm? {
        guard element.tag == DER.sequence, let fields = DER.elements(element.content),
            fields.count == 1 || fields.count == 2, fields[0].tag == DER.objectIdentifier
        else { return nil }
        if fields.count == 2 {
            guard fields[1].tag == DER.null, fields[1].content.isEmpty else { return nil }
        }
        switch Array(fields[0].content) {
        case OID.sha256: return .sha256
        case OID.sha384: return .sha384
        case OID.sha512: return .sha512
        default: return nil
        }
    }
}
