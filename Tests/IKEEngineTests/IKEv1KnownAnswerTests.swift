import Foundation
import IKECore
import IKECrypto
import IKEEngine
import IKEWire
import Testing

/// Known answers for the IKEv1 key schedule, and recomputations of what the engine sent
/// from the RFC 2409 formulas with IKECrypto primitives only (HMAC, hash, CBC, RSA).
@Suite("IKEv1 key schedule known answers")
struct IKEv1KnownAnswerTests {
    typealias Support = IKEv1TestSupport

    /// One case of the fixture: its section headers and its fields.
    struct Case {
        var hash: String
        var method: String
        var fields: [String: [UInt8]]

        func field(_ name: String) throws -> [UInt8] {
            guard let value = fields[name] else { throw IKEv1TestFailure(text: "no \(name)") }
            return value
        }
    }

    /// The cases of Fixtures/ikev1-kdf.txt.
    static func cases() throws -> [Case] {
        let text = String(decoding: try TestSupport.fixture("ikev1-kdf.txt"), as: UTF8.self)
        var cases: [Case] = []
        var hash = ""
        var method = ""
        var current: [String: [UInt8]] = [:]
        var pendingKey: String?
        var pendingValue = ""
        func flush() {
            if !current.isEmpty { cases.append(Case(hash: hash, method: method, fields: current)) }
            current = [:]
        }
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if let key = pendingKey {
                let continues = line.hasSuffix("\\")
                pendingValue +=
                    continues ? String(line.dropLast()).trimmingCharacters(in: .whitespaces) : line
                if !continues {
                    current[key] = [UInt8](hex: pendingValue)
                    pendingKey = nil
                }
                continue
            }
            if line.isEmpty {
                flush()
            } else if line.hasPrefix("#") {
                continue
            } else if line.hasPrefix("[method = ") {
                flush()
                method = String(line.dropFirst(10).dropLast())
            } else if line.hasPrefix("[") {
                flush()
                hash = String(line.dropFirst().dropLast())
                method = hash == "appendix B" ? "appendix B" : ""
            } else if let equals = line.range(of: " = ") {
                let key = String(line[..<equals.lowerBound])
                let value = String(line[equals.upperBound...])
                if key == "COUNT" { continue }
                if key == "hash" {
                    hash = value
                } else if value == "\\" {
                    pendingKey = key
                    pendingValue = ""
                } else {
                    current[key] = [UInt8](hex: value)
                }
            }
        }
        flush()
        return cases
    }

    static func hashAlgorithm(_ name: String) throws -> HashAlgorithm {
        switch name {
        case "SHA-1": return .sha1
        case "SHA-256": return .sha256
        case "SHA-384": return .sha384
        default: throw IKEv1TestFailure(text: "unknown hash \(name)")
        }
    }

    @Test func nistSignatureAndPreSharedKeyVectors() throws {
        let cases = try Self.cases()
        var checked: [String: Int] = [:]
        for test in cases where test.method != "appendix B" {
            let hash = try Self.hashAlgorithm(test.hash)
            let input: IKEv1KeyDerivation.SKEYIDInput =
                test.method == "pre-shared key"
                ? .preSharedKey(SecretBytes(try test.field("pre-shared-key"))) : .signature
            let gxy = SecretBytes(test.fields["g^xy"] ?? [])
            let cookieI = test.fields["CKY_I"].map(Self.bigEndian) ?? 0
            let cookieR = test.fields["CKY_R"].map(Self.bigEndian) ?? 0
            let skeyid = try IKEv1KeyDerivation.skeyid(
                input, hash: hash, sharedSecret: gxy, initiatorNonce: try test.field("Ni"),
                responderNonce: try test.field("Nr"), initiatorCookie: cookieI,
                responderCookie: cookieR)
            #expect(skeyid.revealed == (try test.field("SKEYID")), "\(test.hash) \(test.method)")
            if let expectedD = test.fields["SKEYID_d"] {
                let (d, a, e) = try IKEv1KeyDerivation.derivatives(
                    hash: hash, skeyid: skeyid, sharedSecret: gxy, initiatorCookie: cookieI,
                    responderCookie: cookieR)
                #expect(d.revealed == expectedD)
                #expect(a.revealed == (try test.field("SKEYID_a")))
                #expect(e.revealed == (try test.field("SKEYID_e")))
            }
            checked["\(test.hash) \(test.method)", default: 0] += 1
        }
        #expect(checked["SHA-1 signature"] == 2)
        #expect(checked["SHA-256 signature"] == 2)
        #expect(checked["SHA-1 pre-shared key"] == 1)
        #expect(checked["SHA-256 pre-shared key"] == 1)
        #expect(checked.values.reduce(0, +) == 9)
    }

    @Test func appendixBStretchesShortKeysAndCutsLongOnes() throws {
        let cases = try Self.cases().filter { $0.method == "appendix B" }
        #expect(cases.count == 6)
        for test in cases {
            let expected = try test.field("Ka")
            let key = try IKEv1KeyDerivation.expand(
                hash: try Self.hashAlgorithm(test.hash), key: SecretBytes(try test.field("key")),
                length: expected.count)
            #expect(key.revealed == expected, "\(test.hash) \(expected.count) octets")
        }
    }

    static func bigEndian(_ octets: [UInt8]) -> UInt64 {
        octets.reduce(0) { $0 << 8 | UInt64($1) }
    }

    /// The payload bodies of a cleartext message.
    static func bodies(_ message: [UInt8]) throws -> [(type: ISAKMPPayloadType, body: [UInt8])] {
        let header = try ISAKMPHeader(decoding: message)
        return try ISAKMPPayloadChain.payloadBodies(
            Array(message[ISAKMPHeader.size...]), firstPayload: header.nextPayload)
    }

    static func body(_ type: ISAKMPPayloadType, in message: [UInt8]) throws -> [UInt8] {
        guard let body = try bodies(message).first(where: { $0.type == type })?.body else {
            throw IKEv1TestFailure(text: "no \(type) payload")
        }
        return body
    }

    /// Decrypts an encrypted message with `key` and `iv`: the plaintext, its bodies and
    /// the last ciphertext block.
    static func decrypt(
        _ message: [UInt8], key: SecretBytes, iv: [UInt8],
        cipher: Cipher = Cipher(.aesCBC, keyBits: 256)
    ) throws -> (bodies: [(type: ISAKMPPayloadType, body: [UInt8])], lastBlock: [UInt8]) {
        let header = try ISAKMPHeader(decoding: message)
        #expect(header.flags.contains(.encryption))
        let ciphertext = Array(message[ISAKMPHeader.size...])
        let plaintext = try BlockCipher(cipher, keyMaterial: key).decrypt(ciphertext, iv: iv)
        let bodies = try ISAKMPPayloadChain.payloadBodies(
            plaintext, firstPayload: header.nextPayload)
        return (bodies, Array(ciphertext.suffix(16)))
    }

    // RFC 2409 sections 5 and 5.5, appendix B, recomputed from the transcript of a PSK main
    // mode with AES-256-CBC and SHA-256: the IV chain, HASH_I, HASH_R, HASH(1) and KEYMAT.
    @Test func mainModeAndQuickModeRecomputedFromTheWire() throws {
        let loopback = try Support.expectAgreement(Support.pskPair(), seed: "recompute")
        let messages = loopback.deliveries.map(\.datagram.message)
        #expect(messages.count == 9)
        let keys = try Support.v1Keys(loopback.initiator.ikeSA)
        let hmac = HMAC(.sha256)
        let header = try ISAKMPHeader(decoding: messages[4])
        var cookies: [UInt8] = []
        for cookie in [header.initiatorCookie, header.responderCookie] {
            for shift in stride(from: 56, through: 0, by: -8) {
                cookies.append(UInt8(truncatingIfNeeded: cookie >> UInt64(shift)))
            }
        }

        // SKEYID = prf(pre-shared-key, Ni_b | Nr_b).
        let ni = try Self.body(.nonce, in: messages[2])
        let nr = try Self.body(.nonce, in: messages[3])
        let skeyid = try hmac(key: Array(Support.psk.utf8), data: ni + nr)
        #expect(keys.skeyid.revealed == skeyid)

        // The first IV is SHA-256(g^xi | g^xr) cut to the block; message 5 opens with it.
        let gxi = try Self.body(.keyExchange, in: messages[2])
        let gxr = try Self.body(.keyExchange, in: messages[3])
        let iv1 = Array(try Hash(.sha256).digest(gxi + gxr).prefix(16))
        let message5 = try Self.decrypt(messages[4], key: keys.encryptionKey, iv: iv1)
        #expect(message5.bodies.map(\.type) == [.identification, .hash])

        // HASH_I = prf(SKEYID, g^xi | g^xr | CKY-I | CKY-R | SAi_b | IDii_b).
        let saBody = try Self.body(.securityAssociation, in: messages[0])
        let hashI = try hmac(
            key: skeyid, data: gxi + gxr + cookies + saBody + message5.bodies[0].body)
        #expect(message5.bodies[1].body == hashI)

        // Message 6 chains from message 5's last block; HASH_R swaps the order.
        let message6 = try Self.decrypt(
            messages[5], key: keys.encryptionKey, iv: message5.lastBlock)
        let swapped = Array(cookies[8...] + cookies[..<8])
        let hashR = try hmac(
            key: skeyid, data: gxr + gxi + swapped + saBody + message6.bodies[0].body)
        #expect(message6.bodies[1].body == hashR)

        // Quick mode: IV = SHA-256(last phase 1 block | M-ID); HASH(1) over the rest.
        let quickHeader = try ISAKMPHeader(decoding: messages[6])
        var messageID: [UInt8] = []
        for shift in stride(from: 24, through: 0, by: -8) {
            messageID.append(UInt8(truncatingIfNeeded: quickHeader.messageID >> UInt32(shift)))
        }
        let qmIV = Array(try Hash(.sha256).digest(message6.lastBlock + messageID).prefix(16))
        let quick1 = try Self.decrypt(messages[6], key: keys.encryptionKey, iv: qmIV)
        #expect(
            quick1.bodies.map(\.type) == [
                .hash, .securityAssociation, .nonce, .identification, .identification,
            ])
        var rest: [UInt8] = []
        for (index, payload) in quick1.bodies.enumerated().dropFirst() {
            let next =
                index + 1 < quick1.bodies.count ? quick1.bodies[index + 1].type.rawValue : 0
            let length = 4 + payload.body.count
            rest += [next, 0, UInt8(length >> 8), UInt8(length & 0xFF)] + payload.body
        }
        #expect(
            quick1.bodies[0].body == (try hmac(key: keys.skeyidA.revealed, data: messageID + rest)))
        let quick2 = try Self.decrypt(messages[7], key: keys.encryptionKey, iv: quick1.lastBlock)

        // KEYMAT = prf(SKEYID_d, protocol | SPI | Ni_b | Nr_b) | prf(SKEYID_d, K1 | ...),
        // with the SPI of the SA's receiver; encryption key first.
        func spi(_ saBody: [UInt8]) -> [UInt8] { Array(saBody[16..<20]) }
        let qmNi = quick1.bodies[2].body
        let qmNr = quick2.bodies[2].body
        func keymat(_ spi: [UInt8]) throws -> [UInt8] {
            let seed = [3] + spi + qmNi + qmNr
            let k1 = try hmac(key: keys.skeyidD.revealed, data: seed)
            let k2 = try hmac(key: keys.skeyidD.revealed, data: k1 + seed)
            return k1 + k2
        }
        let child = try #require(loopback.initiator.childSAs.first)
        let inbound = try keymat(spi(quick1.bodies[1].body))
        let outbound = try keymat(spi(quick2.bodies[1].body))
        #expect(child.keys.inboundEncryptionKey.revealed == Array(inbound[..<32]))
        #expect(child.keys.inboundIntegrityKey.revealed == Array(inbound[32..<64]))
        #expect(child.keys.outboundEncryptionKey.revealed == Array(outbound[..<32]))
        #expect(child.keys.outboundIntegrityKey.revealed == Array(outbound[32..<64]))

        // The encryption key is SKEYID_e itself when long enough (appendix B).
        #expect(keys.encryptionKey == keys.skeyidE)
    }

    // RFC 2409 sections 5.2 and 5.3: SKEYID = prf(hash(Ni_b | Nr_b), CKY-I | CKY-R), with
    // the nonces decrypted from the wire with the fixtures' private keys.
    @Test(arguments: [false, true])
    func publicKeyEncryptionSKEYIDRecomputed(revised: Bool) throws {
        let loopback = try Support.expectAgreement(
            try Support.encryptionPair(revised: revised), seed: "pke")
        let messages = loopback.deliveries.map(\.datagram.message)
        let ni = try Support.key("hq-rsa").decryptPKCS1(try Self.body(.nonce, in: messages[2]))
        let nr = try Support.key("branch-rsa").decryptPKCS1(try Self.body(.nonce, in: messages[3]))
        let header = try ISAKMPHeader(decoding: messages[3])
        var cookies: [UInt8] = []
        for cookie in [header.initiatorCookie, header.responderCookie] {
            for shift in stride(from: 56, through: 0, by: -8) {
                cookies.append(UInt8(truncatingIfNeeded: cookie >> UInt64(shift)))
            }
        }
        let key = try Hash(.sha256).digest(ni.revealed + nr.revealed)
        let skeyid = try HMAC(.sha256)(key: key, data: cookies)
        #expect(try Support.v1Keys(loopback.initiator.ikeSA).skeyid.revealed == skeyid)
        #expect(try Support.v1Keys(loopback.responder.ikeSA).skeyid.revealed == skeyid)
        let sealedID = try Self.body(.identification, in: messages[2])
        guard revised else {
            // Section 5.2: the ID body is encrypted to the responder's RSA key.
            let id = try Support.key("hq-rsa").decryptPKCS1(sealedID).revealed
            #expect(id == [2, 0, 0, 0] + Array("branch.example.net".utf8))
            return
        }
        // Section 5.3: KE and ID under Ke_i = prf(Ni_b, CKY-I) (32 octets, AES-256's key),
        // IVs chained from zero, padding ending in its own count.
        let neI = try HMAC(.sha256)(key: ni.revealed, data: Array(cookies[..<8]))
        let cipher = try BlockCipher(Cipher(.aesCBC, keyBits: 256), keyMaterial: SecretBytes(neI))
        let sealedKE = try Self.body(.keyExchange, in: messages[2])
        let ke = try cipher.decrypt(sealedKE, iv: [UInt8](repeating: 0, count: 16))
        let id = try cipher.decrypt(sealedID, iv: Array(sealedKE.suffix(16)))
        #expect(ke.count - Int(ke.last ?? 0) - 1 == 256)
        let unpadded = Array(id.dropLast(Int(id.last ?? 0) + 1))
        #expect(unpadded == [2, 0, 0, 0] + Array("branch.example.net".utf8))
    }

    // RFC 2409 appendix B with a hash shorter than the key: 3DES needs 24 octets and
    // SHA-1's SKEYID_e has 20, so Ka = K1 | K2 cut to 24, K1 = prf(SKEYID_e, 0).
    @Test func encryptionKeyIsStretchedWhenSKEYIDeIsShort() throws {
        let loopback = try Support.expectAgreement(
            Support.pskPair(ike: [TestSupport.ike("3des-sha1-modp1024")]))
        let keys = try Support.v1Keys(loopback.responder.ikeSA)
        let hmac = HMAC(.sha1)
        let k1 = try hmac(key: keys.skeyidE, data: [0])
        let k2 = try hmac(key: keys.skeyidE, data: k1)
        #expect(keys.encryptionKey.revealed == Array((k1 + k2).prefix(24)))
    }

    // RFC 4754 section 7 as strongSwan reads it: with ECDSA-256, HASH_I is made with
    // HMAC-SHA-256 even when SHA-1 was negotiated, and the signature is over HASH_I taken
    // as the digest.
    @Test func ecdsaSignsHashIMadeWithTheCurvesHashAsTheDigest() throws {
        let pair = try Support.certificatePair(
            "ecdsa", ike: [TestSupport.ike("aes128-sha1-modp2048")])
        let loopback = try Support.expectAgreement(pair, seed: "ecdsa")
        let messages = loopback.deliveries.map(\.datagram.message)
        let keys = try Support.v1Keys(loopback.initiator.ikeSA)
        #expect(keys.skeyid.count == 20)
        #expect(keys.encryptionKey == keys.skeyidE.slice(0..<16))

        let gxi = try Self.body(.keyExchange, in: messages[2])
        let gxr = try Self.body(.keyExchange, in: messages[3])
        let iv = Array(try Hash(.sha1).digest(gxi + gxr).prefix(16))
        let message5 = try Self.decrypt(
            messages[4], key: keys.encryptionKey, iv: iv, cipher: Cipher(.aesCBC, keyBits: 128))
        #expect(message5.bodies.map(\.type) == [.identification, .certificate, .signature])
        let header = try ISAKMPHeader(decoding: messages[4])
        var cookies: [UInt8] = []
        for cookie in [header.initiatorCookie, header.responderCookie] {
            for shift in stride(from: 56, through: 0, by: -8) {
                cookies.append(UInt8(truncatingIfNeeded: cookie >> UInt64(shift)))
            }
        }
        let signed =
            gxi + gxr + cookies
            + (try Self.body(.securityAssociation, in: messages[0])) + message5.bodies[0].body
        let hashI = try HMAC(.sha256)(key: keys.skeyid, data: signed)
        let key = try Support.certificate("branch-ecdsa").publicKey
        let signature = message5.bodies[2].body
        #expect(signature.count == 64)
        #expect(try key.verifyPrecomputedDigest(signature, digest: hashI, encoding: .raw))
        let withSHA1 = try HMAC(.sha1)(key: keys.skeyid, data: signed)
        #expect(!(try key.verifyPrecomputedDigest(signature, digest: withSHA1, encoding: .raw)))
    }
}
