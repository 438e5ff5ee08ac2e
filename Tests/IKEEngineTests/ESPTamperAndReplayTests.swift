import IKECore
import IKECrypto
import Testing

@testable import IKEEngine

@Suite("ESP tampering and replay")
struct ESPTamperAndReplayTests {
    static let configurations: [ESPConfiguration] = [
        ESPConfiguration(.aesCBC, 128, .hmacSHA256_128), ESPConfiguration(.aesGCM16, 128),
        ESPConfiguration(.chacha20Poly1305), ESPConfiguration(.nullAuthAESGMAC, 128),
        ESPConfiguration(.tripleDES, nil, .hmacSHA1_96), ESPConfiguration(.aesCCM8, 256),
    ]

    /// Every single-bit change anywhere in the ESP packet makes open fail with a typed
    /// error: the SPI no longer matches, or the ICV no longer verifies.
    @Test(arguments: configurations)
    func flippingAnyBitIsRejected(_ configuration: ESPConfiguration) throws {
        var (outbound, inbound) = try IPsecTestSupport.espPair(
            configuration, mode: .transport, esn: true)
        let sealed = try outbound.seal(
            payload: Array(0..<40), nextHeader: 17, random: SeededRandom(seed: "t"))
        for bit in 0..<(sealed.count * 8) {
            var tampered = sealed
            tampered[bit / 8] ^= 1 << UInt8(bit % 8)
            let error = #expect(throws: IPsecError.self) { _ = try inbound.open(tampered) }
            let expected: Set<IPsecError.Code> =
                bit < 32 ? [.unknownSPI] : [.authenticationFailed, .staleSequenceNumber]
            #expect(error.map { expected.contains($0.code) } == true, "bit \(bit)")
        }
        #expect(try inbound.open(sealed).payload == Array(0..<40))
    }

    @Test func aReplayedPacketIsRejectedAfterTheFirst() throws {
        var (outbound, inbound) = try IPsecTestSupport.espPair(
            ESPConfiguration(.aesGCM16, 128), mode: .transport, esn: false)
        let sealed = try outbound.seal(
            payload: [9], nextHeader: 17, random: SeededRandom(seed: "r"))
        _ = try inbound.open(sealed)
        let error = #expect(throws: IPsecError.self) { _ = try inbound.open(sealed) }
        #expect(error?.code == .replayedPacket)
    }

    @Test func packetsLeftOfTheWindowAreStaleAndReorderingInsideItIsAccepted() throws {
        var (outbound, inbound) = try IPsecTestSupport.espPair(
            ESPConfiguration(.aesCBC, 128, .hmacSHA256_128), mode: .transport, esn: false)
        let random = SeededRandom(seed: "w")
        var packets: [[UInt8]] = []
        for index in 0..<70 {
            packets.append(
                try outbound.seal(payload: [UInt8(index)], nextHeader: 17, random: random))
        }
        _ = try inbound.open(packets[69])
        _ = try inbound.open(packets[20])
        _ = try inbound.open(packets[68])
        let error = #expect(throws: IPsecError.self) { _ = try inbound.open(packets[3]) }
        #expect(error?.code == .staleSequenceNumber)
    }

    /// A packet whose ICV is genuine but whose padding is not 1, 2, 3, ... (or whose pad
    /// length overruns the payload) is rejected with `invalidPadding`.
    @Test(arguments: [
        [UInt8](repeating: 0xAA, count: 26) + [1, 2, 9, 4] + [4, 17],
        [UInt8](repeating: 0xAA, count: 14) + [200, 4],
    ])
    func badPaddingIsATypedError(_ plaintext: [UInt8]) throws {
        let key = SecretBytes([UInt8](repeating: 7, count: 16))
        let integrityKey = SecretBytes([UInt8](repeating: 8, count: 32))
        var inbound = try ESPSecurityAssociation(
            spi: 0x2000, cipher: Cipher(.aesCBC, keyBits: 128), encryptionKey: key,
            integrity: .hmacSHA256_128, integrityKey: integrityKey)
        let transform = try ESPTransform(
            cipher: Cipher(.aesCBC, keyBits: 128), encryptionKey: key,
            integrity: .hmacSHA256_128, integrityKey: integrityKey)
        let header: [UInt8] = [0, 0, 0x20, 0, 0, 0, 0, 1]
        let body = try transform.seal(
            header: header, esnHigh: [], iv: [UInt8](repeating: 5, count: 16), plaintext: plaintext)
        let error = #expect(throws: IPsecError.self) { _ = try inbound.open(header + body) }
        #expect(error?.code == .invalidPadding)
    }

    @Test func aPacketForAnotherSPIIsRejected() throws {
        var (outbound, _) = try IPsecTestSupport.espPair(
            ESPConfiguration(.aesGCM16, 128), mode: .transport, esn: false)
        var other = try ESPSecurityAssociation(
            spi: 0x5000, cipher: Cipher(.aesGCM16, keyBits: 128),
            encryptionKey: SecretBytes([UInt8](repeating: 1, count: 20)))
        let sealed = try outbound.seal(payload: [1], nextHeader: 6, random: SeededRandom(seed: "s"))
        let error = #expect(throws: IPsecError.self) { _ = try other.open(sealed) }
        #expect(error?.code == .unknownSPI)
    }

    @Test func aDummyPacketIsReportedForDiscard() throws {
        var (outbound, inbound) = try IPsecTestSupport.espPair(
            ESPConfiguration(.aesGCM16, 128), mode: .transport, esn: false)
        let host = IPsecTestSupport.address
        let carrier = try IPPacket(
            source: host("192.0.2.1"), destination: host("192.0.2.2"),
            protocolNumber: IPProtocolNumber.noNextHeader, payload: [])
        let sealed = try outbound.sealPacket(carrier, random: SeededRandom(seed: "d"))
        let error = #expect(throws: IPsecError.self) { _ = try inbound.openPacket(sealed) }
        #expect(error?.code == .dummyPacket)
    }
}
