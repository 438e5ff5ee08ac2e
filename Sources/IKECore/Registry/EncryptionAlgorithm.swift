/// IKEv2 Transform Type 1 algorithm identifiers (IANA "Transform Type 1 - Encryption
/// Algorithm Transform IDs"). ESP in IKEv2 uses the same numbers; IKEv1 numbers differ and
/// are mapped in `IKEv1Values.swift`.
public enum EncryptionAlgorithm: UInt16, Sendable, Hashable, CaseIterable, Codable {
    /// ENCR_DES_IV64 (RFC 1827).
    case desIV64 = 1
    /// ENCR_DES (RFC 2405).
    case des = 2
    /// ENCR_3DES (RFC 2451).
    case tripleDES = 3
    /// ENCR_RC5 (RFC 2451).
    case rc5 = 4
    /// ENCR_IDEA (RFC 2451).
    case idea = 5
    /// ENCR_CAST, CAST-128 (RFC 2451).
    case cast = 6
    /// ENCR_BLOWFISH (RFC 2451).
    case blowfish = 7
    /// ENCR_3IDEA (RFC 2451).
    case tripleIDEA = 8
    /// ENCR_DES_IV32.
    case desIV32 = 9
    /// ENCR_NULL (RFC 2410); ESP only, never allowed for an IKE SA.
    case null = 11
    /// ENCR_AES_CBC (RFC 3602).
    case aesCBC = 12
    /// ENCR_AES_CTR (RFC 3686).
    case aesCTR = 13
    /// ENCR_AES_CCM_8 (RFC 4309, RFC 5282).
    case aesCCM8 = 14
    /// ENCR_AES_CCM_12.
    case aesCCM12 = 15
    /// ENCR_AES_CCM_16.
    case aesCCM16 = 16
    /// ENCR_AES_GCM_8 (RFC 4106, RFC 5282).
    case aesGCM8 = 18
    /// ENCR_AES_GCM_12.
    case aesGCM12 = 19
    /// ENCR_AES_GCM_16.
    case aesGCM16 = 20
    /// ENCR_NULL_AUTH_AES_GMAC (RFC 4543): integrity only, ESP only.
    case nullAuthAESGMAC = 21
    /// ENCR_CAMELLIA_CBC (RFC 5529).
    case camelliaCBC = 23
    /// ENCR_CAMELLIA_CTR (RFC 5529).
    case camelliaCTR = 24
    /// ENCR_CAMELLIA_CCM_8 (RFC 5529).
    case camelliaCCM8 = 25
    /// ENCR_CAMELLIA_CCM_12.
    case camelliaCCM12 = 26
    /// ENCR_CAMELLIA_CCM_16.
    case camelliaCCM16 = 27
    /// ENCR_CHACHA20_POLY1305 (RFC 7634).
    case chacha20Poly1305 = 28
    /// ENCR_AES_CCM_8_IIV (RFC 8750), ESP only.
    case aesCCM8IIV = 29
    /// ENCR_AES_GCM_16_IIV (RFC 8750), ESP only.
    case aesGCM16IIV = 30
    /// ENCR_CHACHA20_POLY1305_IIV (RFC 8750), ESP only.
    case chacha20Poly1305IIV = 31

    /// Everything the registry knows about this algorithm.
    public var info: EncryptionAlgorithmInfo { EncryptionAlgorithmInfo.index[self]! }
}

/// Facts about a cipher that every layer needs: its IANA name, its key sizes, whether it is
/// an AEAD, and the sizes of its IV, salt, block and ICV.
public struct EncryptionAlgorithmInfo: Sendable, Hashable {
    /// The IANA name, for example `ENCR_AES_GCM_16`.
    public let ianaName: String
    /// A readable name, for example `AES-GCM with a 16-octet ICV`.
    public let displayName: String
    /// Allowed key lengths in bits. Empty when the key length is fixed and no Key Length
    /// attribute may be sent; see `fixedKeyBits`.
    public let keyLengths: [Int]
    /// The key length in bits of a cipher that has no Key Length attribute.
    public let fixedKeyBits: Int?
    /// The key length used when a variable-length cipher is named without one.
    public let defaultKeyBits: Int?
    /// Whether the algorithm is an AEAD (RFC 5282): no separate integrity transform.
    public let isAEAD: Bool
    /// The ICV length in octets of an AEAD, else 0.
    public let icvLength: Int
    /// The cipher block size in octets (1 for stream and counter modes).
    public let blockSize: Int
    /// The explicit IV carried in each message, in octets.
    public let ivLength: Int
    /// Octets of key material taken as salt or nonce after the key (RFC 4106: 4, RFC 4309:
    /// 3, RFC 3686: 4, RFC 7634: 4).
    public let saltLength: Int
    /// Whether the algorithm encrypts at all (false for NULL and NULL_AUTH_AES_GMAC).
    public let encrypts: Bool
    /// Whether ikec's engine implements it.
    public let implemented: Bool

    /// Whether a Key Length attribute (RFC 7296 section 3.3.5) accompanies the transform.
    public var hasKeyLengthAttribute: Bool { !keyLengths.isEmpty }

    /// Octets of keying material the algorithm consumes for a key of `keyBits` bits.
    public func keyMaterialLength(keyBits: Int?) -> Int {
        let bits = keyBits ?? fixedKeyBits ?? defaultKeyBits ?? 0
        return bits / 8 + saltLength
    }

    /// The strength in bits a key of `keyBits` bits gives against the best known attack.
    public func securityBits(keyBits: Int?) -> Int {
        guard encrypts else { return 0 }
        let bits = keyBits ?? fixedKeyBits ?? defaultKeyBits ?? 0
        switch ianaName {
        case "ENCR_DES", "ENCR_DES_IV64", "ENCR_DES_IV32": return 56
        case "ENCR_3DES": return 112
        default: return bits
        }
    }

    static let aesLengths = [128, 192, 256]

    /// `table` indexed by raw value, for the `info` getter.
    static let index = RawValueIndex(table)

    // swift-format-ignore
    static let table: [EncryptionAlgorithm: EncryptionAlgorithmInfo] = [
        .desIV64: cbc("ENCR_DES_IV64", "DES with a 64-bit IV", fixed: 64, block: 8, done: false),
        .des: cbc("ENCR_DES", "DES-CBC", fixed: 64, block: 8, done: true),
        .tripleDES: cbc("ENCR_3DES", "3DES-CBC", fixed: 192, block: 8, done: true),
        .rc5: variable("ENCR_RC5", "RC5", lengths: [128], block: 8, done: false),
        .idea: cbc("ENCR_IDEA", "IDEA", fixed: 128, block: 8, done: false),
        .cast: variable("ENCR_CAST", "CAST-128", lengths: [128], block: 8, done: true),
        .blowfish: variable(
            "ENCR_BLOWFISH", "Blowfish", lengths: [128, 192, 256], block: 8, done: true),
        .tripleIDEA: cbc("ENCR_3IDEA", "3IDEA", fixed: 384, block: 8, done: false),
        .desIV32: cbc("ENCR_DES_IV32", "DES with a 32-bit IV", fixed: 64, block: 8, done: false),
        .null: EncryptionAlgorithmInfo(
            ianaName: "ENCR_NULL", displayName: "NULL", keyLengths: [], fixedKeyBits: 0,
            defaultKeyBits: nil, isAEAD: false, icvLength: 0, blockSize: 1, ivLength: 0,
            saltLength: 0, encrypts: false, implemented: true),
        .aesCBC: variable("ENCR_AES_CBC", "AES-CBC", lengths: aesLengths, block: 16, done: true),
        .aesCTR: counter("ENCR_AES_CTR", "AES-CTR", lengths: aesLengths, done: true),
        .aesCCM8: aead("ENCR_AES_CCM_8", "AES-CCM with an 8-octet ICV", icv: 8, salt: 3),
        .aesCCM12: aead("ENCR_AES_CCM_12", "AES-CCM with a 12-octet ICV", icv: 12, salt: 3),
        .aesCCM16: aead("ENCR_AES_CCM_16", "AES-CCM with a 16-octet ICV", icv: 16, salt: 3),
        .aesGCM8: aead("ENCR_AES_GCM_8", "AES-GCM with an 8-octet ICV", icv: 8, salt: 4),
        .aesGCM12: aead("ENCR_AES_GCM_12", "AES-GCM with a 12-octet ICV", icv: 12, salt: 4),
        .aesGCM16: aead("ENCR_AES_GCM_16", "AES-GCM with a 16-octet ICV", icv: 16, salt: 4),
        .nullAuthAESGMAC: EncryptionAlgorithmInfo(
            ianaName: "ENCR_NULL_AUTH_AES_GMAC", displayName: "AES-GMAC (integrity only)",
            keyLengths: aesLengths, fixedKeyBits: nil, defaultKeyBits: 128, isAEAD: true,
            icvLength: 16, blockSize: 1, ivLength: 8, saltLength: 4, encrypts: false,
            implemented: true),
        .camelliaCBC: variable(
            "ENCR_CAMELLIA_CBC", "Camellia-CBC", lengths: aesLengths, block: 16, done: true),
        .camelliaCTR: counter(
            "ENCR_CAMELLIA_CTR", "Camellia-CTR", lengths: aesLengths, done: false),
        .camelliaCCM8: aead(
            "ENCR_CAMELLIA_CCM_8", "Camellia-CCM with an 8-octet ICV", icv: 8, salt: 3,
            done: false),
        .camelliaCCM12: aead(
            "ENCR_CAMELLIA_CCM_12", "Camellia-CCM with a 12-octet ICV", icv: 12, salt: 3,
            done: false),
        .camelliaCCM16: aead(
            "ENCR_CAMELLIA_CCM_16", "Camellia-CCM with a 16-octet ICV", icv: 16, salt: 3,
            done: false),
        .chacha20Poly1305: EncryptionAlgorithmInfo(
            ianaName: "ENCR_CHACHA20_POLY1305", displayName: "ChaCha20-Poly1305",
            keyLengths: [], fixedKeyBits: 256, defaultKeyBits: nil, isAEAD: true,
            icvLength: 16, blockSize: 1, ivLength: 8, saltLength: 4, encrypts: true,
            implemented: true),
        .aesCCM8IIV: aead(
            "ENCR_AES_CCM_8_IIV", "AES-CCM with an 8-octet ICV and implicit IV", icv: 8,
            salt: 3, iv: 0, done: false),
        .aesGCM16IIV: aead(
            "ENCR_AES_GCM_16_IIV", "AES-GCM with a 16-octet ICV and implicit IV", icv: 16,
            salt: 4, iv: 0, done: false),
        .chacha20Poly1305IIV: EncryptionAlgorithmInfo(
            ianaName: "ENCR_CHACHA20_POLY1305_IIV",
            displayName: "ChaCha20-Poly1305 with implicit IV", keyLengths: [],
            fixedKeyBits: 256, defaultKeyBits: nil, isAEAD: true, icvLength: 16, blockSize: 1,
            ivLength: 0, saltLength: 4, encrypts: true, implemented: false),
    ]

    private static func cbc(
        _ iana: String, _ display: String, fixed: Int, block: Int, done: Bool
    ) -> EncryptionAlgorithmInfo {
        EncryptionAlgorithmInfo(
            ianaName: iana, displayName: display, keyLengths: [], fixedKeyBits: fixed,
            defaultKeyBits: nil, isAEAD: false, icvLength: 0, blockSize: block,
            ivLength: block, saltLength: 0, encrypts: true, implemented: done)
    }

    private static func variable(
        _ iana: String, _ display: String, lengths: [Int], block: Int, done: Bool
    ) -> EncryptionAlgorithmInfo {
        EncryptionAlgorithmInfo(
            ianaName: iana, displayName: display, keyLengths: lengths, fixedKeyBits: nil,
            defaultKeyBits: lengths.first, isAEAD: false, icvLength: 0, blockSize: block,
            ivLength: block, saltLength: 0, encrypts: true, implemented: done)
    }

    private static func counter(
        _ iana: String, _ display: String, lengths: [Int], done: Bool
    ) -> EncryptionAlgorithmInfo {
        EncryptionAlgorithmInfo(
            ianaName: iana, displayName: display, keyLengths: lengths, fixedKeyBits: nil,
            defaultKeyBits: lengths.first, isAEAD: false, icvLength: 0, blockSize: 1,
            ivLength: 8, saltLength: 4, encrypts: true, implemented: done)
    }

    private static func aead(
        _ iana: String, _ display: String, icv: Int, salt: Int, iv: Int = 8, done: Bool = true
    ) -> EncryptionAlgorithmInfo {
        EncryptionAlgorithmInfo(
            ianaName: iana, displayName: display, keyLengths: aesLengths, fixedKeyBits: nil,
            defaultKeyBits: 128, isAEAD: true, icvLength: icv, blockSize: 1, ivLength: iv,
            saltLength: salt, encrypts: true, implemented: done)
    }
}
