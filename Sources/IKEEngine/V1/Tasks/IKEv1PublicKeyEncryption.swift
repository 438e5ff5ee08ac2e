import IKECore
import IKECrypto
import IKEWire

// RFC 2409 section 5.2 (original): the bodies of the nonce and ID payloads travel
// encrypted with the peer's RSA public key (PKCS#1 v1.5); the payload headers stay clear.
//
// RFC 2409 section 5.3 (revised): only the nonce is encrypted with the public key; the KE
// and ID (and optional CERT) bodies are encrypted with the negotiated cipher in CBC mode
// under an ephemeral key made from the nonce:
//   Ne_i = prf(Ni_b, CKY-I), Ne_r = prf(Nr_b, CKY-R),
//   Ke_i / Ke_r = Ne_i / Ne_r stretched to the cipher's key length as in appendix B.
// The first encrypted body uses an all-zero IV, each following body the last ciphertext
// block of the previous one. Each body is padded with zero octets and a final octet that
// counts the padding octets before it, so there is always at least one.

/// Public key encryption of phase 1 payload bodies.
enum IKEv1PublicKeyEncryption {
    /// A body encrypted to the peer's public key.
    static func seal(_ body: [UInt8], to key: PublicKey, random: RandomSource) throws -> [UInt8] {
        try key.encryptPKCS1(body, random: random)
    }

    /// A body the peer encrypted to our public key; nil when it does not decrypt.
    static func open(_ ciphertext: [UInt8], with key: PrivateKey) -> [UInt8]? {
        (try? key.decryptPKCS1(ciphertext))?.revealed
    }

    /// The ephemeral cipher Ke_i (`cookie` CKY-I, `nonce` Ni_b) or Ke_r (CKY-R, Nr_b).
    static func ephemeralCipher(
        nonce: [UInt8], cookie: UInt64, hash: HashAlgorithm, cipher: Cipher
    ) throws -> BlockCipher {
        var cookieOctets: [UInt8] = []
        appendBigEndian(cookie, to: &cookieOctets)
        let ne = SecretBytes(try PRF(hmac: hash)(key: nonce, data: cookieOctets))
        let key = try IKEv1KeyDerivation.expand(
            hash: hash, key: ne, length: cipher.keyMaterialLength)
        return try BlockCipher(cipher, keyMaterial: key)
    }

    /// The bodies encrypted in order with the ephemeral cipher, the IV chained.
    static func sealBodies(_ bodies: [[UInt8]], cipher: BlockCipher) throws -> [[UInt8]] {
        let block = cipher.blockSize
        var iv = [UInt8](repeating: 0, count: block)
        var sealed: [[UInt8]] = []
        for body in bodies {
            let zeros = (block - (body.count + 1) % block) % block
            let padded = body + [UInt8](repeating: 0, count: zeros) + [UInt8(zeros)]
            let ciphertext = try cipher.encrypt(padded, iv: iv)
            iv = Array(ciphertext.suffix(block))
            sealed.append(ciphertext)
        }
        return sealed
    }

    /// The bodies decrypted in order; nil when one is not whole blocks or its padding
    /// does not fit.
    static func openBodies(_ bodies: [[UInt8]], cipher: BlockCipher) -> [[UInt8]]? {
        let block = cipher.blockSize
        var iv = [UInt8](repeating: 0, count: block)
        var opened: [[UInt8]] = []
        for body in bodies {
            guard !body.isEmpty, body.count % block == 0,
                let plaintext = try? cipher.decrypt(body, iv: iv), let last = plaintext.last,
                Int(last) + 1 <= plaintext.count
            else { return nil }
            iv = Array(body.suffix(block))
            opened.append(Array(plaintext.dropLast(Int(last) + 1)))
        }
        return opened
    }
}
