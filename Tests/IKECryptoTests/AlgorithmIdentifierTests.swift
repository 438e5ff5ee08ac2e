import IKECore
import Testing

@testable import IKECrypto

@Suite struct AlgorithmIdentifierTests {
    static let schemes: [SignatureScheme] = [
        .rsaPKCS1(.sha1), .rsaPKCS1(.sha256), .rsaPKCS1(.sha384), .rsaPKCS1(.sha512),
        .rsaPSS(.sha256), .rsaPSS(.sha384), .rsaPSS(.sha512), .ecdsa(.sha256, .der),
        .ecdsa(.sha384, .der), .ecdsa(.sha512, .der), .ed25519, .ed448,
    ]

    @Test(arguments: schemes)
    func identifierParsesBackToItsScheme(scheme: SignatureScheme) throws {
        let der = try #require(scheme.algorithmIdentifier)
        #expect(try SignatureScheme(algorithmIdentifier: der) == scheme)
    }

    /// RFC 7427 appendix A lists these encodings.
    @Test func identifiersMatchRFC7427AppendixA() {
        #expect(
            SignatureScheme.rsaPKCS1(.sha256).algorithmIdentifier?.hexString
                == "300d06092a864886f70d01010b0500")
        #expect(
            SignatureScheme.ecdsa(.sha384, .der).algorithmIdentifier?.hexString
                == "300a06082a8648ce3d040303")
        #expect(SignatureScheme.ed25519.algorithmIdentifier?.hexString == "300506032b6570")
        #expect(SignatureScheme.ed448.algorithmIdentifier?.hexString == "300506032b6571")
    }

    /// RFC 7427 appendix A.4.3 (RSASSA-PSS with SHA-256, MGF1 SHA-256, salt 32): hash
    /// identifiers with NULL parameters and every field explicit.
    @Test func pssIdentifierSpellsOutItsParameters() {
        #expect(
            SignatureScheme.rsaPSS(.sha256).algorithmIdentifier?.hexString
                == "304106092a864886f70d01010a3034a00f300d06096086480165030402010500a11c301a"
                + "06092a864886f70d010108300d06096086480165030402010500a203020120")
    }

    @Test func schemesWithoutAnIdentifierSayNil() {
        #expect(SignatureScheme.rsaPKCS1Raw.algorithmIdentifier == nil)
        #expect(SignatureScheme.ecdsa(.sha256, .raw).algorithmIdentifier == nil)
        #expect(SignatureScheme.rsaPSS(.sha1).algorithmIdentifier == nil)
    }

    @Test func pssParametersWithoutNULLHashParametersAreAccepted() throws {
        let der = [UInt8](
            hex: "303d06092a864886f70d01010a3030a00d300b0609608648016503040203a11a3018"
                + "06092a864886f70d010108300b0609608648016503040203a203020140")!
        #expect(try SignatureScheme(algorithmIdentifier: der) == .rsaPSS(.sha512))
    }

    @Test(arguments: [
        // sha224WithRSAEncryption: not a scheme ikec signs with.
        "300d06092a864886f70d01010e0500",
        // ecdsa-with-SHA256 with NULL parameters, which ECDSA must not have.
        "300c06082a8648ce3d0403020500",
        // PSS with SHA-256 but a 20-octet salt.
        "304106092a864886f70d01010a3034a00f300d06096086480165030402010500a11c301a"
            + "06092a864886f70d010108300d06096086480165030402010500a203020114",
        // PSS with SHA-256 but MGF1 over SHA-384.
        "304106092a864886f70d01010a3034a00f300d06096086480165030402010500a11c301a"
            + "06092a864886f70d010108300d06096086480165030402020500a203020120",
        // PSS without parameters.
        "300b06092a864886f70d01010a",
        // sha256WithRSAEncryption followed by a stray octet.
        "300d06092a864886f70d01010b050000",
        // A length that runs past the end.
        "301006092a864886f70d01010b0500",
        "",
    ])
    func unknownOrMismatchedIdentifiersAreTypedErrors(hex: String) {
        let error = #expect(throws: CryptoError.self) {
            try SignatureScheme(algorithmIdentifier: [UInt8](hex: hex)!)
        }
        #expect(error?.code == .unknownAlgorithmIdentifier)
    }
}
