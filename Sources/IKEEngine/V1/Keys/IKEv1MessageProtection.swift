import IKECore
import IKECrypto
import IKEWire

// RFC 2409 appendix B and RFC 2408 section 3.1: with the E flag set, everything after the
// ISAKMP header is the payload chain, padded with zero octets up to the cipher's block
// size and encrypted in CBC mode. No IV travels: each side derives it (the first phase 1
// IV from the public values, then the last ciphertext block of the previous message;
// quick mode and informational exchanges from the last phase 1 block and the M-ID).

/// Why a received encrypted body could not be opened.
enum IKEv1ProtectionFailure: Error {
    /// The ciphertext is empty or not a whole number of blocks.
    case length(String)
    /// The plaintext is not a payload chain followed by padding (a wrong key shows so).
    case malformed(String)
}

/// A received encrypted message, opened.
struct OpenedV1Body {
    /// The decoded payloads.
    var payloads: [ISAKMPPayload]
    /// The plaintext payload chain without its padding (for HASH computations).
    var chain: [UInt8]
    /// The last ciphertext block: the IV of the exchange's next message.
    var nextIV: [UInt8]
}

/// The CBC protection of one ISAKMP SA: the cipher keyed with the encryption key (Ka).
struct IKEv1MessageProtection {
    /// The keyed cipher (one key for both directions in IKEv1).
    let cipher: BlockCipher
    /// The block size in octets, which is also the IV length.
    let blockSize: Int

    /// A protection with the encryption key of the negotiated cipher.
    init(cipher: Cipher, key: SecretBytes) throws {
        self.cipher = try BlockCipher(cipher, keyMaterial: key)
        self.blockSize = self.cipher.blockSize
    }

    /// Pads the payload chain with zeros to the block size and encrypts it; returns the
    /// ciphertext and the IV of the exchange's next message.
    func seal(_ chain: [UInt8], iv: [UInt8]) throws -> (ciphertext: [UInt8], nextIV: [UInt8]) {
        var plaintext = chain
        let remainder = plaintext.count % blockSize
        if remainder != 0 || plaintext.isEmpty {
            plaintext += [UInt8](repeating: 0, count: blockSize - remainder)
        }
        let ciphertext = try cipher.encrypt(plaintext, iv: iv)
        return (ciphertext, Array(ciphertext.suffix(blockSize)))
    }

    /// Decrypts a body and decodes its payload chain, which starts with `firstPayload`.
    func open(_ ciphertext: [UInt8], iv: [UInt8], firstPayload: ISAKMPPayloadType)
        throws(IKEv1ProtectionFailure) -> OpenedV1Body
    {
        guard !ciphertext.isEmpty, ciphertext.count % blockSize == 0 else {
            throw .length(
                "encrypted body of \(ciphertext.count) octets is not a whole number of "
                    + "\(blockSize)-octet blocks")
        }
        let plaintext: [UInt8]
        do {
            plaintext = try cipher.decrypt(ciphertext, iv: iv)
        } catch {
            throw .length("the body does not decrypt: \(error)")
        }
        let payloads: [ISAKMPPayload]
        let chainLength: Int
        do {
            payloads = try ISAKMPPayloadChain.decode(
                plaintext, firstPayload: firstPayload, allowPadding: true)
            chainLength = try Self.chainLength(plaintext, firstPayload: firstPayload)
        } catch {
            throw .malformed("the decrypted body is not a payload chain: \(error)")
        }
        return OpenedV1Body(
            payloads: payloads, chain: Array(plaintext[..<chainLength]),
            nextIV: Array(ciphertext.suffix(blockSize)))
    }

    /// Octets taken by the payload chain at the start of `bytes` (padding excluded).
    static func chainLength(_ bytes: [UInt8], firstPayload: ISAKMPPayloadType) throws(WireError)
        -> Int
    {
        let bodies = try ISAKMPPayloadChain.payloadBodies(bytes, firstPayload: firstPayload)
        return bodies.reduce(0) { $0 + ISAKMPPayloadChain.genericHeaderSize + $1.body.count }
    }
}
