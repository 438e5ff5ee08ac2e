import Testing

@testable import IKEEngine

@Suite("ESP in UDP")
struct IPsecUDPEncapsulationTests {
    @Test func payloadsOnPort4500AreToldApart() throws {
        let ike = [UInt8](repeating: 0x22, count: 28)
        #expect(try UDPEncapsulation.classify(UDPEncapsulation.frameIKE(ike)) == .ike(ike))
        #expect(try UDPEncapsulation.classify([0xFF]) == .natKeepalive)
        let esp: [UInt8] = [0, 0, 1, 0, 0, 0, 0, 1, 9, 9]
        #expect(try UDPEncapsulation.classify(esp) == .esp(esp))
    }

    @Test(arguments: [[], [0xFE], [0, 0, 0, 0, 1, 2, 3, 4], [1, 2, 3]] as [[UInt8]])
    func malformedPayloadsAreTypedErrors(_ payload: [UInt8]) {
        let error = #expect(throws: IPsecError.self) { _ = try UDPEncapsulation.classify(payload) }
        #expect(error?.code == .malformed)
    }

    @Test func espWithAZeroSPICannotBeFramed() {
        let error = #expect(throws: IPsecError.self) {
            _ = try UDPEncapsulation.frameESP([0, 0, 0, 0, 0, 0, 0, 1])
        }
        #expect(error?.code == .malformed)
    }
}
