import IKECore

/// The keys of one IKEv2 SA for Wireshark's `ikev2_decryption_table`, named as in RFC 7296
/// section 2.14. For AEADs the encryption keys include the salt and there is no integrity.
public struct IKEv2KeyRow: Sendable, Hashable {
    /// The initiator's SPI.
    public var initiatorSPI: UInt64
    /// The responder's SPI.
    public var responderSPI: UInt64
    /// The IKE SA's encryption transform.
    public var encryption: Cipher
    /// SK_ei (key then salt).
    public var initiatorEncryptionKey: SecretBytes
    /// SK_er (key then salt).
    public var responderEncryptionKey: SecretBytes
    /// The integrity transform; nil with an AEAD.
    public var integrity: IntegrityAlgorithm?
    /// SK_ai; nil with an AEAD.
    public var initiatorIntegrityKey: SecretBytes?
    /// SK_ar; nil with an AEAD.
    public var responderIntegrityKey: SecretBytes?

    /// A row from the IKE SA's SPIs, transforms and keys.
    public init(
        initiatorSPI: UInt64, responderSPI: UInt64, encryption: Cipher,
        initiatorEncryptionKey: SecretBytes, responderEncryptionKey: SecretBytes,
        integrity: IntegrityAlgorithm? = nil, initiatorIntegrityKey: SecretBytes? = nil,
        responderIntegrityKey: SecretBytes? = nil
    ) {
        self.initiatorSPI = initiatorSPI
        self.responderSPI = responderSPI
        self.encryption = encryption
        self.initiatorEncryptionKey = initiatorEncryptionKey
        self.responderEncryptionKey = responderEncryptionKey
        self.integrity = integrity
        self.initiatorIntegrityKey = initiatorIntegrityKey
        self.responderIntegrityKey = responderIntegrityKey
    }
}

/// The key of one IKEv1 (ISAKMP) SA for Wireshark's `ikev1_decryption_table`: the
/// initiator cookie and the encryption key Ka (RFC 2409 appendix B).
public struct IKEv1KeyRow: Sendable, Hashable {
    /// The initiator cookie.
    public var initiatorCookie: UInt64
    /// The phase 1 cipher, to tell whether Wireshark can use the row.
    public var encryption: Cipher
    /// Ka, truncated or expanded to the cipher's key length.
    public var encryptionKey: SecretBytes

    /// A row from the ISAKMP SA's cookie, cipher and key.
    public init(initiatorCookie: UInt64, encryption: Cipher, encryptionKey: SecretBytes) {
        self.initiatorCookie = initiatorCookie
        self.encryption = encryption
        self.encryptionKey = encryptionKey
    }
}

/// One ESP SA for Wireshark's `esp_sa` table: the packets from `source` to `destination`
/// with `spi`.
public struct ESPKeyRow: Sendable, Hashable {
    /// The outer source address.
    public var source: IPAddress
    /// The outer destination address.
    public var destination: IPAddress
    /// The SPI.
    public var spi: UInt32
    /// The encryption transform.
    public var encryption: Cipher
    /// The encryption key material (key then salt or nonce).
    public var encryptionKey: SecretBytes
    /// The integrity transform; nil with an AEAD or without integrity.
    public var integrity: IntegrityAlgorithm?
    /// The integrity key; nil when there is no integrity transform.
    public var integrityKey: SecretBytes?

    /// A row from the SA's addresses, SPI, transforms and keys.
    public init(
        source: IPAddress, destination: IPAddress, spi: UInt32, encryption: Cipher,
        encryptionKey: SecretBytes, integrity: IntegrityAlgorithm? = nil,
        integrityKey: SecretBytes? = nil
    ) {
        self.source = source
        self.destination = destination
        self.spi = spi
        self.encryption = encryption
        self.encryptionKey = encryptionKey
        self.integrity = integrity
        self.integrityKey = integrityKey
    }
}
