import IKECore

/// The keys of an IKEv2 SA (RFC 7296 section 2.14), in the RFC's names. Both peers of an
/// SA hold the same values; `ikec negotiate` compares them.
public struct IKEv2SAKeys: Sendable, Hashable {
    /// SK_d: the key Child SA keys (and a rekeyed IKE SA's SKEYSEED) derive from.
    public var skD: SecretBytes
    /// SK_ai: integrity key of the initiator's messages (empty with an AEAD cipher).
    public var skAi: SecretBytes
    /// SK_ar: integrity key of the responder's messages (empty with an AEAD cipher).
    public var skAr: SecretBytes
    /// SK_ei: encryption key (and salt) of the initiator's messages.
    public var skEi: SecretBytes
    /// SK_er: encryption key (and salt) of the responder's messages.
    public var skEr: SecretBytes
    /// SK_pi: the key of the initiator's AUTH payload computation.
    public var skPi: SecretBytes
    /// SK_pr: the key of the responder's AUTH payload computation.
    public var skPr: SecretBytes

    /// The keys in RFC order.
    public init(
        skD: SecretBytes, skAi: SecretBytes, skAr: SecretBytes, skEi: SecretBytes,
        skEr: SecretBytes, skPi: SecretBytes, skPr: SecretBytes
    ) {
        self.skD = skD
        self.skAi = skAi
        self.skAr = skAr
        self.skEi = skEi
        self.skEr = skEr
        self.skPi = skPi
        self.skPr = skPr
    }
}

/// The keys of an IKEv1 ISAKMP SA (RFC 2409 section 5): SKEYID and its three
/// derivatives, and the encryption key actually used (Ka, extended per appendix B).
public struct IKEv1SAKeys: Sendable, Hashable {
    /// SKEYID.
    public var skeyid: SecretBytes
    /// SKEYID_d: quick mode keys derive from it.
    public var skeyidD: SecretBytes
    /// SKEYID_a: the key of the HASH payloads.
    public var skeyidA: SecretBytes
    /// SKEYID_e: the encryption key material before extension.
    public var skeyidE: SecretBytes
    /// The cipher key derived from SKEYID_e (Wireshark's "Ka").
    public var encryptionKey: SecretBytes

    /// The keys from their parts.
    public init(
        skeyid: SecretBytes, skeyidD: SecretBytes, skeyidA: SecretBytes,
        skeyidE: SecretBytes, encryptionKey: SecretBytes
    ) {
        self.skeyid = skeyid
        self.skeyidD = skeyidD
        self.skeyidA = skeyidA
        self.skeyidE = skeyidE
        self.encryptionKey = encryptionKey
    }
}

/// The key material of an IKE SA, by version.
public enum IKESAKeys: Sendable, Hashable {
    /// IKEv2: SK_d, SK_ai/ar, SK_ei/er, SK_pi/pr.
    case v2(IKEv2SAKeys)
    /// IKEv1: SKEYID, SKEYID_d/a/e and the encryption key.
    case v1(IKEv1SAKeys)

    /// Every key with its RFC name (`SK_ei`, `SKEYID_d`...), in the RFC's order: for
    /// side-by-side comparison and key export. The values stay `SecretBytes`.
    public var named: [(name: String, key: SecretBytes)] {
        switch self {
        case .v2(let keys):
            return [
                ("SK_d", keys.skD), ("SK_ai", keys.skAi), ("SK_ar", keys.skAr),
                ("SK_ei", keys.skEi), ("SK_er", keys.skEr), ("SK_pi", keys.skPi),
                ("SK_pr", keys.skPr),
            ]
        case .v1(let keys):
            return [
                ("SKEYID", keys.skeyid), ("SKEYID_d", keys.skeyidD), ("SKEYID_a", keys.skeyidA),
                ("SKEYID_e", keys.skeyidE), ("Ka", keys.encryptionKey),
            ]
        }
    }
}

/// The keys of one Child SA, by direction relative to the session that holds them
/// (RFC 7296 section 2.17 orders them initiator-to-responder first; the session maps that
/// order onto directions once). The encryption keys include any salt or nonce (RFC 4106,
/// RFC 3686); integrity keys are empty with an AEAD cipher, encryption keys empty for AH.
///
/// One side's outbound keys are the other side's inbound keys.
public struct ChildSAKeys: Sendable, Hashable {
    /// The encryption key (and salt) of packets we send.
    public var outboundEncryptionKey: SecretBytes
    /// The integrity key of packets we send.
    public var outboundIntegrityKey: SecretBytes
    /// The encryption key (and salt) of packets we receive.
    public var inboundEncryptionKey: SecretBytes
    /// The integrity key of packets we receive.
    public var inboundIntegrityKey: SecretBytes

    /// Keys by direction.
    public init(
        outboundEncryptionKey: SecretBytes, outboundIntegrityKey: SecretBytes,
        inboundEncryptionKey: SecretBytes, inboundIntegrityKey: SecretBytes
    ) {
        self.outboundEncryptionKey = outboundEncryptionKey
        self.outboundIntegrityKey = outboundIntegrityKey
        self.inboundEncryptionKey = inboundEncryptionKey
        self.inboundIntegrityKey = inboundIntegrityKey
    }
}
