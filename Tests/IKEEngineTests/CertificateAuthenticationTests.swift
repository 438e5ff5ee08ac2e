import IKECore
import IKECrypto
import IKEEngine
import Testing

@Suite("IKEv2 certificate, raw public key and NULL authentication")
struct CertificateAuthenticationTests {
    /// 2030-01-01: inside the fixtures' validity (see Fixtures/make-fixtures.sh).
    static let validationTime: Double = 1_893_456_000

    static func key(_ name: String) throws -> PrivateKey {
        try PrivateKey(pemBytes: try TestSupport.fixture("\(name).key"))
    }

    static func certificate(_ name: String) throws -> Certificate {
        try #require(try Certificate.load(try TestSupport.fixture("\(name).pem")).first)
    }

    /// A PSK pair switched to certificates of `family` (`ecdsa` or `rsa`).
    static func certificatePair(
        _ family: String, settings: SignatureSettings = SignatureSettings(),
        initiatorCertificate: String? = nil
    ) throws -> (IKEPeerConfiguration, IKEPeerConfiguration) {
        var pair = TestSupport.pskPair()
        let initiatorName = initiatorCertificate ?? "branch-\(family)"
        pair.0.localAuthentication = .certificate(
            try key(initiatorName), chain: [try certificate(initiatorName)], settings)
        pair.0.remoteAuthentication = .certificate(
            trustAnchors: [try certificate("ca-\(family)")], pinned: nil)
        pair.1.localAuthentication = .certificate(
            try key("hq-\(family)"), chain: [try certificate("hq-\(family)")], settings)
        pair.1.remoteAuthentication = .certificate(
            trustAnchors: [try certificate("ca-\(family)")], pinned: nil)
        pair.0.validationTime = validationTime
        pair.1.validationTime = validationTime
        return pair
    }

    @Test func ecdsaP256CertificatesWithRFC7427() throws {
        let loopback = try LoopbackHandshakeTests.expectAgreement(try Self.certificatePair("ecdsa"))
        let sa = try #require(loopback.initiator.ikeSA)
        #expect(sa.remoteAuthentication.kind == .certificateSignature)
        #expect(sa.remoteAuthentication.signatureScheme == .ecdsa(.sha256, .der))
        #expect(
            loopback.transcript[2].payloads.first?.contains("CERT(X.509 Certificate - Signature)")
                == true)
    }

    @Test func ecdsaP256CertificatesWithTheClassicMethod() throws {
        let pair = try Self.certificatePair("ecdsa", settings: SignatureSettings(method: .classic))
        let loopback = try LoopbackHandshakeTests.expectAgreement(pair)
        #expect(loopback.responder.ikeSA?.remoteAuthentication.methodName == "ECDSA SHA-256 P-256")
    }

    @Test func rsa3072CertificatesWithPKCS1() throws {
        let loopback = try LoopbackHandshakeTests.expectAgreement(try Self.certificatePair("rsa"))
        #expect(
            loopback.initiator.ikeSA?.remoteAuthentication.signatureScheme == .rsaPKCS1(.sha256))
    }

    @Test func rsa3072CertificatesWithRFC7427PSS() throws {
        let pair = try Self.certificatePair(
            "rsa", settings: SignatureSettings(hashes: [.sha384], rsaPadding: .pss))
        let loopback = try LoopbackHandshakeTests.expectAgreement(pair)
        #expect(loopback.initiator.ikeSA?.remoteAuthentication.signatureScheme == .rsaPSS(.sha384))
    }

    @Test func rsaCertificatesWithTheClassicMethod() throws {
        let pair = try Self.certificatePair("rsa", settings: SignatureSettings(method: .classic))
        let loopback = try LoopbackHandshakeTests.expectAgreement(pair)
        #expect(loopback.initiator.ikeSA?.remoteAuthentication.methodName == "RSA signature")
    }

    @Test func untrustedCertificateIsRefused() throws {
        let pair = try Self.certificatePair("ecdsa", initiatorCertificate: "rogue-branch")
        let outcome = try TestSupport.loopback(pair.0, pair.1).negotiate()
        let refusal = try #require(outcome.failures(of: .responder).first)
        #expect(refusal.code == .certificateUntrusted)
        #expect(refusal.reason.hasPrefix("peer's certificate is not trusted"))
    }

    @Test func certificateMustVouchForTheIdentity() throws {
        var pair = try Self.certificatePair("ecdsa")
        pair.0.localIdentity = .fqdn("other.example.net")
        pair.1.remoteIdentity = nil
        let outcome = try TestSupport.loopback(pair.0, pair.1).negotiate()
        #expect(outcome.failures(of: .responder).first?.code == .certificateIdentityMismatch)
    }

    /// OpenSSL prints subjects in RFC 4514 order (most specific first); an identity copied
    /// from there is the certificate's DN reversed, which the refusal says.
    @Test func aDistinguishedNameInReverseOrderIsRefusedWithANote() throws {
        var pair = try Self.certificatePair("ecdsa")
        pair.0.localIdentity = .distinguishedName("C=CH, O=ikec tests, CN=branch-ecdsa")
        pair.1.remoteIdentity = .distinguishedName("CN=branch-ecdsa,O=ikec tests,C=CH")
        let outcome = try TestSupport.loopback(pair.0, pair.1).negotiate()
        let refusal = try #require(outcome.failures(of: .responder).first)
        #expect(refusal.code == .identityMismatch)
        #expect(
            refusal.reason.hasSuffix(
                "(the same RDNs in reverse order: a DN is matched in "
                    + "the order of its encoding, as strongSwan writes it, not in RFC 4514's)"))

        pair.1.remoteIdentity = .distinguishedName("CN=branch-ecdsa, C=CH, O=ikec tests")
        let shuffled = try TestSupport.loopback(pair.0, pair.1).negotiate()
        let other = try #require(shuffled.failures(of: .responder).first)
        #expect(other.code == .identityMismatch && !other.reason.contains("reverse order"))
    }

    @Test func pinnedCertificateMustMatch() throws {
        var pair = try Self.certificatePair("ecdsa")
        pair.1.remoteAuthentication = .certificate(
            trustAnchors: [try Self.certificate("ca-ecdsa")],
            pinned: try Self.certificate("hq-ecdsa"))
        let outcome = try TestSupport.loopback(pair.0, pair.1).negotiate()
        #expect(outcome.failures(of: .responder).first?.code == .certificateUntrusted)
    }

    @Test func rawPublicKeys() throws {
        var pair = TestSupport.pskPair()
        let branch = try Self.key("branch-ecdsa")
        let hq = try Self.key("hq-ecdsa")
        pair.0.localAuthentication = .rawPublicKey(branch, SignatureSettings())
        pair.0.remoteAuthentication = .rawPublicKey(try hq.publicKey)
        pair.1.localAuthentication = .rawPublicKey(hq, SignatureSettings())
        pair.1.remoteAuthentication = .rawPublicKey(try branch.publicKey)
        let loopback = try LoopbackHandshakeTests.expectAgreement(pair)
        #expect(loopback.initiator.ikeSA?.remoteAuthentication.kind == .rawPublicKeySignature)
        #expect(loopback.transcript[2].payloads.first?.contains("CERT(Raw Public Key)") == true)
    }

    @Test func wrongRawPublicKeyIsRefused() throws {
        var pair = TestSupport.pskPair()
        let branch = try Self.key("branch-ecdsa")
        let hq = try Self.key("hq-ecdsa")
        pair.0.localAuthentication = .rawPublicKey(branch, SignatureSettings())
        pair.0.remoteAuthentication = .rawPublicKey(try hq.publicKey)
        pair.1.localAuthentication = .rawPublicKey(hq, SignatureSettings())
        pair.1.remoteAuthentication = .rawPublicKey(try hq.publicKey)
        let outcome = try TestSupport.loopback(pair.0, pair.1).negotiate()
        #expect(outcome.failures(of: .responder).first?.code == .certificateIdentityMismatch)
    }

    @Test func nullAuthentication() throws {
        var pair = TestSupport.pskPair()
        for index in [0, 1] {
            var config = index == 0 ? pair.0 : pair.1
            config.localIdentity = nil
            config.remoteIdentity = nil
            config.localAuthentication = .null
            config.remoteAuthentication = .null
            if index == 0 { pair.0 = config } else { pair.1 = config }
        }
        let loopback = try LoopbackHandshakeTests.expectAgreement(pair)
        #expect(loopback.initiator.ikeSA?.remoteIdentity == nil)
        #expect(loopback.transcript[2].payloads.first?.hasPrefix("SK{IDi(null)") == true)
    }
}
