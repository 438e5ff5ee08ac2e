import Foundation
import IKECore
import Testing

@testable import IKECrypto

@Suite struct CertificateTests {
    @Test func leafExposesItsNamesKeyAndValidity() throws {
        let leaf = try PKIFixtures.certificate("leaf-rsa")
        #expect(try leaf.subject.text == "C=CH, O=Example, CN=hq.example.net")
        #expect(try leaf.issuer.text == "C=CH, O=Example, CN=Example Intermediate CA")
        #expect(
            leaf.subjectAltNames == [
                .dnsName("hq.example.net"), .rfc822Name("admin@example.net"),
                .ipAddress(IPAddress("198.51.100.1")!), .ipAddress(IPAddress("2001:db8::1")!),
            ])
        #expect(try leaf.publicKey.algorithm == .rsa)
        #expect(try leaf.publicKey.keyBits == 2048)
        let notBefore = try #require(
            TimeInterval(PKIFixtures.expected.text("leaf-rsa-not-before-text")))
        #expect(try leaf.notBefore == Date(timeIntervalSince1970: notBefore))
        #expect(try leaf.notAfter > leaf.notBefore)
        #expect(!leaf.isCertificateAuthority)
        #expect(try PKIFixtures.certificate("intermediate").isCertificateAuthority)
    }

    /// The expected hashes were computed by the openssl command line in make-pki.sh.
    @Test func hashesMatchTheOpenSSLCommandLine() throws {
        #expect(
            try PKIFixtures.certificate("leaf-rsa").sha1Fingerprint
                == PKIFixtures.expected.hex("leaf-rsa-sha1"))
        #expect(
            try PKIFixtures.certificate("ca").subjectPublicKeyInfoSHA1
                == PKIFixtures.expected.hex("ca-spki-sha1"))
    }

    @Test func severalPEMCertificatesLoadInOrderAndDERLoadsToo() throws {
        let bundle = PKIFixtures.text("leaf-rsa.crt") + PKIFixtures.text("intermediate.crt")
        let certificates = try Certificate.load(pem: bundle)
        #expect(certificates.count == 2)
        #expect(try certificates[1].subject.text == "C=CH, O=Example, CN=Example Intermediate CA")
        let der = certificates[0].der
        #expect(try Certificate.load(der) == [certificates[0]])
        #expect(try Certificate(der: der) == certificates[0])
    }

    @Test func malformedCertificatesAreTypedErrors() throws {
        let der = try PKIFixtures.certificate("ca").der
        for bad in [Array(der.dropLast()), der + [0], [0x30, 0x00], []] {
            let error = #expect(throws: CryptoError.self) { try Certificate(der: bad) }
            #expect(error?.code == .invalidCertificate)
        }
        let pem = #expect(throws: CryptoError.self) {
            try Certificate.load(pem: "-----BEGIN NOTHING")
        }
        #expect(pem?.code == .invalidCertificate)
    }

    @Test(arguments: [
        (Identity.fqdn("hq.example.net"), true), (.fqdn("HQ.Example.NET."), true),
        (.fqdn("other.example.net"), false), (.email("admin@example.net"), true),
        (.email("root@example.net"), false), (.address(IPAddress("198.51.100.1")!), true),
        (.address(IPAddress("2001:db8::1")!), true), (.address(IPAddress("198.51.100.2")!), false),
        (.distinguishedName("C=CH, O=Example, CN=hq.example.net"), true),
        (.distinguishedName("c=ch,o=example,cn=HQ.EXAMPLE.NET"), true),
        (.distinguishedName("C=CH, O=Example, CN=other"), false),
        (.distinguishedName("not a name"), false), (.keyID([1, 2, 3]), false),
    ])
    func certificateVouchesOnlyForItsOwnIdentities(identity: Identity, expected: Bool) throws {
        #expect(try PKIFixtures.certificate("leaf-rsa").vouches(for: identity) == expected)
    }
}

@Suite struct CertificateChainValidatorTests {
    let validator: CertificateChainValidator

    init() throws {
        validator = CertificateChainValidator(trustAnchors: [try PKIFixtures.certificate("ca")])
    }

    @Test func chainThroughAnIntermediateValidates() throws {
        let chain = try validator.validate(
            try PKIFixtures.certificate("leaf-rsa"),
            intermediates: [try PKIFixtures.certificate("intermediate")],
            at: PKIFixtures.validationTime)
        #expect(
            try chain.map { try $0.subject.text } == [
                "C=CH, O=Example, CN=hq.example.net", "C=CH, O=Example, CN=Example Intermediate CA",
                "C=CH, O=Example, CN=Example Root CA",
            ])
    }

    @Test(arguments: ["leaf-ec256", "leaf-ec384", "leaf-ec521", "leaf-ed25519", "leaf-ed448"])
    func leavesSignedByTheRootValidate(name: String) throws {
        let chain = try validator.validate(
            try PKIFixtures.certificate(name), at: PKIFixtures.validationTime)
        #expect(chain.count == 2)
    }

    @Test func missingIntermediateMeansUntrusted() throws {
        let error = #expect(throws: CryptoError.self) {
            try validator.validate(
                try PKIFixtures.certificate("leaf-rsa"), at: PKIFixtures.validationTime)
        }
        #expect(error?.code == .certificateUntrusted)
    }

    @Test func certificateFromAnotherRootIsUntrusted() throws {
        let error = #expect(throws: CryptoError.self) {
            try validator.validate(
                try PKIFixtures.certificate("untrusted"),
                intermediates: [try PKIFixtures.certificate("rogue-ca")],
                at: PKIFixtures.validationTime)
        }
        #expect(error?.code == .certificateUntrusted)
    }

    @Test func expiredCertificateIsReportedAsExpired() throws {
        let expired = try PKIFixtures.certificate("expired")
        let error = #expect(throws: CryptoError.self) {
            try validator.validate(expired, at: PKIFixtures.validationTime)
        }
        #expect(error?.code == .certificateExpired)
        #expect(error?.context.contains("expired.example.net") == true)
        // The same certificate is fine on its first day.
        #expect(
            try validator.validate(expired, at: expired.notBefore.addingTimeInterval(60)).count == 2
        )
    }

    @Test func certificateBeforeItsValidityIsNotYetValid() throws {
        let leaf = try PKIFixtures.certificate("leaf-ec256")
        let error = #expect(throws: CryptoError.self) {
            try validator.validate(leaf, at: leaf.notBefore.addingTimeInterval(-86_400))
        }
        #expect(error?.code == .certificateNotYetValid)
    }

    @Test func alteredSignatureIsABadSignature() throws {
        var der = try PKIFixtures.certificate("leaf-ec256").der
        der[der.count - 3] ^= 0x01
        let altered = try Certificate(der: der)
        let error = #expect(throws: CryptoError.self) {
            try validator.validate(altered, at: PKIFixtures.validationTime)
        }
        #expect(error?.code == .certificateBadSignature)
    }

    @Test func noTrustAnchorsTrustNothing() throws {
        let error = #expect(throws: CryptoError.self) {
            try CertificateChainValidator(trustAnchors: []).validate(
                try PKIFixtures.certificate("leaf-ec256"), at: PKIFixtures.validationTime)
        }
        #expect(error?.code == .certificateUntrusted)
    }
}
