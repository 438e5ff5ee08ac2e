import Foundation
import IKECore
import IKECrypto
import Testing

@testable import IKEEngine

/// A random source that hands out given octets first (a known IV), then a fixed pattern.
final class IPsecFixedRandom: RandomSource {
    private var queued: [UInt8]
    private var counter: UInt8 = 0

    init(_ queued: [UInt8] = []) { self.queued = queued }

    func bytes(_ count: Int) -> [UInt8] {
        var out: [UInt8] = []
        while out.count < count, !queued.isEmpty { out.append(queued.removeFirst()) }
        while out.count < count {
            counter &+= 1
            out.append(counter)
        }
        return out
    }
}

/// Helpers shared by the IPsec tests.
enum IPsecTestSupport {
    static func hex(_ text: String) -> [UInt8] {
        guard let bytes = [UInt8](hex: text) else { preconditionFailure("bad hex in a test") }
        return bytes
    }

    static func address(_ text: String) -> IPAddress {
        guard let address = IPAddress(text) else { preconditionFailure("bad address") }
        return address
    }

    static func fixture(_ name: String) throws -> Data {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures").appendingPathComponent(name)
        return try Data(contentsOf: url)
    }

    /// An outbound and an inbound SA with the same SPI and keys, as the two ends of one
    /// direction of a Child SA hold them.
    static func espPair(
        _ configuration: ESPConfiguration, mode: IPsecEncapsulation, esn: Bool,
        udp: UDPEncapsulation? = nil, seed: String = "esp"
    ) throws -> (outbound: ESPSecurityAssociation, inbound: ESPSecurityAssociation) {
        let random = SeededRandom(seed: seed)
        let encryptionKey = SecretBytes(random.bytes(configuration.cipher.keyMaterialLength))
        let integrityKey = configuration.integrity.map {
            SecretBytes(random.bytes($0.info.keyLength))
        }
        func make() throws -> ESPSecurityAssociation {
            try ESPSecurityAssociation(
                spi: 0xC0FF_EE01, cipher: configuration.cipher, encryptionKey: encryptionKey,
                integrity: configuration.integrity, integrityKey: integrityKey,
                extendedSequenceNumbers: esn, mode: mode, udpEncapsulation: udp)
        }
        return (try make(), try make())
    }
}

/// A cipher and an optional integrity algorithm, as one ESP proposal selects them.
struct ESPConfiguration: Sendable, CustomTestStringConvertible {
    let cipher: Cipher
    let integrity: IntegrityAlgorithm?

    init(
        _ algorithm: EncryptionAlgorithm, _ bits: Int? = nil, _ integrity: IntegrityAlgorithm? = nil
    ) {
        cipher = Cipher(algorithm, keyBits: bits)
        self.integrity = integrity
    }

    var testDescription: String {
        "\(cipher)" + (integrity.map { "-\($0.info.ianaName)" } ?? "")
    }
}
