import IKECore
import Testing

@testable import IKECrypto

@Suite struct DistinguishedNameTests {
    @Test(arguments: [
        "C=CH, O=Example, CN=hq", "C=CH, O=Example Corp, OU=VPN, CN=gw1.example.net",
        "CN=hq", "C=CH, O=Example\\, Inc., CN=hq", "C=DE, O=Müller GmbH, CN=vpn",
        "C=CH, O=Example, CN=hq + emailAddress=ops@example.net",
    ])
    func textSurvivesARoundTripThroughDER(text: String) throws {
        let name = try DistinguishedName(text: text)
        #expect(name.text == text)
        #expect(try DistinguishedName(der: name.der) == name)
        #expect(try DistinguishedName(text: name.text) == name)
    }

    @Test func rfc4514TextIsMostSpecificFirst() throws {
        let forward = try DistinguishedName(text: "C=CH, O=Example, CN=hq")
        let reversed = try DistinguishedName(rfc4514: "CN=hq,O=Example,C=CH")
        #expect(forward == reversed)
        #expect(forward.rfc4514 == "CN=hq,O=Example,C=CH")
    }

    /// The DER is what an ID_DER_ASN1_DN payload carries: a SEQUENCE of SETs, C as a
    /// PrintableString.
    @Test func derEncodingIsTheX501Name() throws {
        let name = try DistinguishedName(text: "C=CH, CN=hq")
        #expect(name.der.hexString == "301a310b3009060355040613024348310b300906035504030c026871")
    }

    @Test func escapesQuotesAndSpacesAreRead() throws {
        let escaped = try DistinguishedName(text: "CN=a\\2Cb")
        let quoted = try DistinguishedName(text: "CN=\"a,b\"")
        let plain = try DistinguishedName(text: "  CN =  a\\,b  ")
        #expect(escaped == quoted)
        #expect(escaped == plain)
        #expect(escaped.text == "CN=a\\,b")
    }

    @Test func strongSwanEmailAttributeIsEmailAddress() throws {
        let name = try DistinguishedName(text: "C=CH, E=ops@example.net")
        #expect(name == (try DistinguishedName(text: "C=CH, emailAddress=ops@example.net")))
    }

    @Test func matchingIgnoresCaseAndInsignificantSpaces() throws {
        let name = try DistinguishedName(text: "C=CH, O=Example Corp, CN=hq")
        #expect(name.matches(try DistinguishedName(text: "c=ch, o=EXAMPLE  corp, cn=HQ")))
        #expect(!name.matches(try DistinguishedName(text: "C=CH, O=Example Corp, CN=hq2")))
        #expect(!name.matches(try DistinguishedName(text: "O=Example Corp, C=CH, CN=hq")))
    }

    @Test(arguments: ["", "CN", "=hq", "CN=hq,", "XYZ=hq", "CN=\"open", "CN=#0403", "CN=a\\"])
    func malformedTextIsATypedError(text: String) {
        let error = #expect(throws: CryptoError.self) { try DistinguishedName(text: text) }
        #expect(error?.code == .invalidDistinguishedName)
    }

    @Test func malformedDERIsATypedError() throws {
        let der = try DistinguishedName(text: "C=CH, CN=hq").der
        for bad in [der + [0], Array(der.dropLast()), [0x31, 0x00], []] {
            let error = #expect(throws: CryptoError.self) { try DistinguishedName(der: bad) }
            #expect(error?.code == .invalidDistinguishedName)
        }
    }
}
