import IKECore

/// One ESP security association (RFC 4303): one direction of a Child SA. The outbound SA
/// seals, the peer's matching inbound SA (same SPI and keys) opens.
///
///      0                   1                   2                   3
///      0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
///     +---------------------------------------------------------------+ ---
///     |               Security Parameters Index (SPI)                 |  ^
///     +---------------------------------------------------------------+  | integrity
///     |                      Sequence Number                          |  | (ICV or
///     +---------------------------------------------------------------+  |  AEAD AAD)
///     |              IV (per cipher; 0, 8 or 16 octets)               |  |  ---
///     +---------------------------------------------------------------+  |   ^
///     |              Payload Data, Padding, Pad Length, Next Header   |  | encrypted
///     +---------------------------------------------------------------+ --- ---
///     |              Integrity Check Value (per algorithm)            |
///     +---------------------------------------------------------------+
///
/// Keys come from the caller (the engine's KEYMAT, RFC 7296 section 2.17): the cipher's
/// key material is the key followed by its salt or nonce where the cipher has one.
/// The SA is a value: sealing advances its sequence counter, opening its replay window.
public struct ESPSecurityAssociation: Sendable {
    /// The SPI the receiver chose.
    public let spi: UInt32
    /// The encryption transform (AEAD or not, with its key length).
    public let cipher: Cipher
    /// The integrity algorithm; nil for AEADs and confidentiality-only SAs.
    public let integrity: IntegrityAlgorithm?
    /// Whether 64-bit extended sequence numbers are in use (RFC 4303 section 2.2.1).
    public let extendedSequenceNumbers: Bool
    /// Transport or tunnel mode.
    public let mode: IPsecEncapsulation
    /// The UDP ports when ESP travels in UDP (RFC 3948); nil for IP protocol 50.
    public let udpEncapsulation: UDPEncapsulation?
    /// How outbound IVs are made.
    public let ivGeneration: ESPIVGeneration
    /// The receiver's anti-replay window.
    public internal(set) var replayWindow = AntiReplayWindow()

    var counter = OutboundSequenceCounter()
    private let transform: ESPTransform

    /// An SA with its algorithms and keys.
    ///
    /// - `encryptionKey`: `cipher.keyMaterialLength` octets (key, then 4 octets of salt for
    ///   GCM, GMAC, CTR and ChaCha20-Poly1305, 3 for CCM; empty for ENCR_NULL).
    /// - `integrity` and `integrityKey`: required unless the cipher is an AEAD; may be nil
    ///   for a confidentiality-only SA, never with ENCR_NULL.
    /// - `ivGeneration`: defaults to random for CBC, the sequence number otherwise.
    ///
    /// Throws `invalidConfiguration` or `unsupportedAlgorithm` when these do not fit.
    public init(
        spi: UInt32, cipher: Cipher, encryptionKey: SecretBytes,
        integrity: IntegrityAlgorithm? = nil, integrityKey: SecretBytes? = nil,
        extendedSequenceNumbers: Bool = false, mode: IPsecEncapsulation = .transport,
        udpEncapsulation: UDPEncapsulation? = nil, ivGeneration: ESPIVGeneration? = nil
    ) throws(IPsecError) {
        // RFC 4303 section 2.1: SPI 0 is reserved and 1-255 are reserved by IANA.
        guard spi > 255 else {
            throw IPsecError(.invalidConfiguration, "SPI \(spi) is reserved (0-255)")
        }
        let transform = try ESPTransform(
            cipher: cipher, encryptionKey: encryptionKey, integrity: integrity,
            integrityKey: integrityKey)
        let generation = ivGeneration ?? (transform.isCBC ? .random : .sequenceNumber)
        guard !(transform.isCBC && generation == .sequenceNumber) else {
            throw IPsecError(
                .invalidConfiguration, "a CBC cipher needs unpredictable (random) IVs")
        }
        self.spi = spi
        self.cipher = cipher
        self.integrity = integrity
        self.extendedSequenceNumbers = extendedSequenceNumbers
        self.mode = mode
        self.udpEncapsulation = udpEncapsulation
        self.ivGeneration = generation
        self.transform = transform
    }

    /// The last sequence number sealed (0 before the first packet).
    public var lastSequenceNumber: UInt64 { counter.last }

    /// The ESP packet (SPI through ICV) protecting `payload`, announced by `nextHeader`
    /// (4 or 41 for a tunnelled packet, the upper-layer protocol in transport mode).
    /// Advances the sequence number; `sequenceNumberOverflow` once it would cycle.
    public mutating func seal(
        payload: [UInt8], nextHeader: UInt8, random: some RandomSource
    ) throws(IPsecError) -> [UInt8] {
        let sequenceNumber = try counter.next(extended: extendedSequenceNumbers)
        let header = headerOctets(sequenceNumber)

        let iv: [UInt8]
        switch ivGeneration {
        case .random:
            iv = random.bytes(transform.ivLength)
        case .sequenceNumber:
            var writer = IPsecWriter(capacity: 8)
            writer.uint64(sequenceNumber)
            iv = Array(writer.bytes.suffix(transform.ivLength))
        }

        let plaintext = ESPTrailer.append(
            to: payload, nextHeader: nextHeader, blockSize: transform.blockSize)
        let body = try transform.seal(
            header: header, esnHigh: esnHigh(sequenceNumber), iv: iv, plaintext: plaintext)
        return header + body
    }

    /// Verifies and decrypts the ESP packet `packet` (SPI through ICV).
    ///
    /// In order: the SPI must be this SA's (`unknownSPI`); the sequence number must be new
    /// to the replay window (`replayedPacket`, `staleSequenceNumber`); the ICV must verify
    /// (`authenticationFailed`, compared in constant time); only then does the window move,
    /// and the trailer is checked (`invalidPadding`).
    public mutating func open(_ packet: [UInt8]) throws(IPsecError) -> ESPOpenedPayload {
        let reader = IPsecReader(packet, "ESP header")
        let packetSPI = try reader.uint32(at: 0)
        guard packetSPI == spi else {
            throw IPsecError(
                .unknownSPI, "SPI \(spi: packetSPI) is not this SA's \(spi: spi)")
        }
        let low = try reader.uint32(at: 4)
        let sequenceNumber =
            extendedSequenceNumbers
            ? replayWindow.inferExtendedSequenceNumber(low: low) : UInt64(low)
        try replayWindow.check(sequenceNumber)

        let plaintext = try transform.open(
            header: try reader.slice(0, 8), esnHigh: esnHigh(sequenceNumber),
            body: try reader.rest(from: 8))
        replayWindow.accept(sequenceNumber)

        let (payload, nextHeader) = try ESPTrailer.strip(plaintext)
        return ESPOpenedPayload(
            sequenceNumber: sequenceNumber, nextHeader: nextHeader, payload: payload)
    }

    /// Octets of overhead each packet adds beyond the payload, at most (header, IV,
    /// largest trailer for the block size, ICV).
    public var maximumOverhead: Int {
        8 + transform.ivLength + max(transform.blockSize, 4) + 1 + transform.icvLength
    }

    private func headerOctets(_ sequenceNumber: UInt64) -> [UInt8] {
        var writer = IPsecWriter(capacity: 8)
        writer.uint32(spi)
        writer.uint32(UInt32(truncatingIfNeeded: sequenceNumber))
        return writer.bytes
    }

    // RFC 4303 section 2.2.1: with ESN the high-order 32 bits take part in integrity
    // without being sent.
    private func esnHigh(_ sequenceNumber: UInt64) -> [UInt8] {
        guard extendedSequenceNumbers else { return [] }
        var writer = IPsecWriter(capacity: 4)
        writer.uint32(UInt32(truncatingIfNeeded: sequenceNumber >> 32))
        return writer.bytes
    }
}

/// What opening an ESP packet yields.
public struct ESPOpenedPayload: Sendable, Hashable {
    /// The full sequence number (with ESN, including the inferred high-order bits).
    public let sequenceNumber: UInt64
    /// The next header: 4 or 41 in tunnel mode, the upper-layer protocol in transport
    /// mode, 59 for a dummy packet.
    public let nextHeader: UInt8
    /// The payload, without padding, pad length and next header.
    public let payload: [UInt8]
}

extension DefaultStringInterpolation {
    /// `0x` and eight hex digits, for SPIs in error contexts.
    mutating func appendInterpolation(spi value: UInt32) {
        let digits = String(value, radix: 16)
        appendLiteral("0x" + String(repeating: "0", count: max(0, 8 - digits.count)) + digits)
    }
}
