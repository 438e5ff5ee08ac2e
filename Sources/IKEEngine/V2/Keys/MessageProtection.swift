import IKECore
import IKECrypto
import IKEWire

// RFC 7296 section 3.14, the SK payload: IV, the encrypted inner payloads followed by
// Padding and a Pad Length octet, then the ICV. With a block cipher the ICV is the
// integrity transform over the whole message up to the end of the ciphertext; with an
// AEAD (RFC 5282 section 5) there is no separate integrity transform, the IV is 8 octets
// and the associated data is the message from the IKE header through the SK payload's
// generic header.
//
//   +--------------+------------+-------------------------------------------+-----+
//   | IKE header   | SK generic | IV | E( inner payloads | Padding | PadLen ) | ICV |
//   | (28 octets)  | header (4) |    |                                       |     |
//   +--------------+------------+-------------------------------------------+-----+
//   |<------- AEAD associated data ->|
//   |<---------------- integrity transform input (block ciphers) -------->|

/// Why a protected message could not be opened.
enum ProtectionFailure: Error {
    /// The SK body is too short or not a whole number of cipher blocks.
    case malformed(String)
    /// The ICV or AEAD tag did not verify.
    case integrity(String)
}

/// The SK payload's encryption and integrity protection for one IKE SA, by direction
/// relative to us.
final class MessageProtection {
    private let outbound: Direction
    private let inbound: Direction
    /// The next explicit IV for counter-mode and AEAD ciphers: these need uniqueness, not
    /// unpredictability (RFC 5282 section 3.1, RFC 3686 section 3.1), and each direction
    /// has its own key.
    private var nextCounterIV: UInt64 = 1

    private struct Direction {
        let cipher: CipherContext
        let integrity: IntegrityTransform?
    }

    /// Protection from the SA's keys; SK_ei/SK_ai protect the SA initiator's messages.
    init(proposal: Proposal, keys: IKEv2SAKeys, weAreInitiator: Bool) throws {
        guard let cipher = proposal.encryption.first else {
            throw CryptoError(.unsupportedAlgorithm, "the IKE proposal has no cipher")
        }
        let integrity = proposal.integrity.first
        func direction(encryption: SecretBytes, integrityKey: SecretBytes) throws -> Direction {
            Direction(
                cipher: try CipherContext(cipher, keyMaterial: encryption),
                integrity: try integrity.map { try IntegrityTransform($0, key: integrityKey) })
        }
        let initiatorSide = try direction(encryption: keys.skEi, integrityKey: keys.skAi)
        let responderSide = try direction(encryption: keys.skEr, integrityKey: keys.skAr)
        outbound = weAreInitiator ? initiatorSide : responderSide
        inbound = weAreInitiator ? responderSide : initiatorSide
    }

    /// The whole message: `header` (its Next Payload and Length are set here) and an SK
    /// payload protecting `inner`.
    func seal(header: IKEv2Header, inner: [IKEv2Payload], random: RandomSource) throws
        -> [UInt8]
    {
        let firstInner = inner.first?.type ?? .none
        var plaintext = try IKEv2PayloadChain.encode(inner)
        let ivLength = outbound.cipher.ivLength

        switch outbound.cipher {
        case .aead(let aead):
            plaintext.append(0)
            let iv = counterIV()
            let bodyLength = ivLength + plaintext.count + aead.icvLength
            var message = try prefix(header, firstInner: firstInner, bodyLength: bodyLength)
            let sealed = try aead.seal(plaintext, additionalData: message, iv: iv)
            message.append(contentsOf: iv)
            message.append(contentsOf: sealed)
            return message

        case .block(let block):
            let blockSize = block.blockSize
            let padLength = (blockSize - (plaintext.count + 1) % blockSize) % blockSize
            plaintext.append(contentsOf: repeatElement(0, count: padLength))
            plaintext.append(UInt8(truncatingIfNeeded: padLength))
            let iv = blockSize > 1 ? random.bytes(ivLength) : counterIV()
            let icvLength = outbound.integrity?.icvLength ?? 0
            let bodyLength = ivLength + plaintext.count + icvLength
            var message = try prefix(header, firstInner: firstInner, bodyLength: bodyLength)
            message.append(contentsOf: iv)
            message.append(contentsOf: try block.encrypt(plaintext, iv: iv))
            if let integrity = outbound.integrity {
                message.append(contentsOf: try integrity.icv(for: message, iv: iv))
            }
            return message
        }
    }

    /// The inner payloads of a received message whose last payload is `encrypted`.
    func open(datagram: [UInt8], encrypted: IKEv2EncryptedPayload) throws -> [IKEv2Payload] {
        let body = encrypted.body
        let bodyStart = datagram.count - body.count
        let ivLength = inbound.cipher.ivLength
        let plaintext: [UInt8]

        switch inbound.cipher {
        case .aead(let aead):
            guard body.count >= ivLength + aead.icvLength + 1 else {
                throw ProtectionFailure.malformed("SK payload of \(body.count) octets is too short")
            }
            let iv = Array(body[..<ivLength])
            do {
                plaintext = try aead.open(
                    Array(body[ivLength...]), additionalData: Array(datagram[..<bodyStart]),
                    iv: iv)
            } catch {
                throw ProtectionFailure.integrity("the AEAD tag does not verify")
            }

        case .block(let block):
            let icvLength = inbound.integrity?.icvLength ?? 0
            let cipherLength = body.count - ivLength - icvLength
            guard cipherLength >= 1, cipherLength % block.blockSize == 0 else {
                throw ProtectionFailure.malformed(
                    "SK payload of \(body.count) octets does not hold whole cipher blocks")
            }
            let iv = Array(body[..<ivLength])
            if let integrity = inbound.integrity {
                let covered = Array(datagram[..<(datagram.count - icvLength)])
                let icv = Array(datagram[(datagram.count - icvLength)...])
                guard try integrity.verify(icv: icv, for: covered, iv: iv) else {
                    throw ProtectionFailure.integrity("the ICV does not verify")
                }
            }
            plaintext = try block.decrypt(
                Array(body[ivLength..<(ivLength + cipherLength)]), iv: iv)
        }

        guard let padLength = plaintext.last, Int(padLength) + 1 <= plaintext.count else {
            throw ProtectionFailure.malformed("the Pad Length exceeds the decrypted data")
        }
        let inner = Array(plaintext[..<(plaintext.count - Int(padLength) - 1)])
        return try IKEv2PayloadChain.decode(inner, firstPayload: encrypted.firstInnerPayload)
    }

    /// The header and SK generic header of a message whose SK body is `bodyLength`
    /// octets.
    private func prefix(_ header: IKEv2Header, firstInner: IKEv2PayloadType, bodyLength: Int)
        throws -> [UInt8]
    {
        let skLength = IKEv2PayloadChain.genericHeaderSize + bodyLength
        guard skLength <= Int(UInt16.max) else {
            throw WireError(
                .valueTooLarge, payloadType: IKEv2PayloadType.encrypted.rawValue, offset: 28,
                detail: "an SK payload of \(skLength) octets does not fit")
        }
        var header = header
        header.nextPayload = .encrypted
        header.length = UInt32(IKEv2Header.size + skLength)
        var octets = header.encode()
        octets.reserveCapacity(IKEv2Header.size + skLength)
        octets.append(firstInner.rawValue)
        octets.append(0)
        octets.append(UInt8(truncatingIfNeeded: skLength >> 8))
        octets.append(UInt8(truncatingIfNeeded: skLength))
        return octets
    }

    private func counterIV() -> [UInt8] {
        var iv: [UInt8] = []
        iv.reserveCapacity(8)
        appendBigEndian(nextCounterIV, to: &iv)
        nextCounterIV &+= 1
        return iv
    }
}
