import Testing

@testable import IKEEngine

@Suite("anti-replay window")
struct IPsecReplayWindowTests {
    @Test func newerPacketsSlideTheWindowAndOlderOnesAreRememberedFor64() throws {
        var window = AntiReplayWindow()
        for sequenceNumber: UInt64 in [1, 5, 3, 100] {
            try window.check(sequenceNumber)
            window.accept(sequenceNumber)
        }
        #expect(window.highest == 100)
        try window.check(37)
        #expect(
            (#expect(throws: IPsecError.self) { try window.check(36) })?.code
                == .staleSequenceNumber)
        #expect(
            (#expect(throws: IPsecError.self) { try window.check(100) })?.code == .replayedPacket)
        #expect(
            (#expect(throws: IPsecError.self) { try window.check(0) })?.code == .staleSequenceNumber
        )
    }

    /// RFC 4303 appendix A2.2, both cases of where the window lies.
    @Test func extendedSequenceNumbersInferTheHighBits() {
        var window = AntiReplayWindow()
        window.accept(0x1_0000_0010)  // Case B: the window spans two subspaces.
        #expect(window.inferExtendedSequenceNumber(low: 0x0000_0011) == 0x1_0000_0011)
        #expect(window.inferExtendedSequenceNumber(low: 0xFFFF_FFF0) == 0x0_FFFF_FFF0)
        window.accept(0x1_8000_0000)  // Case A: within one subspace.
        #expect(window.inferExtendedSequenceNumber(low: 0x8000_0001) == 0x1_8000_0001)
        #expect(window.inferExtendedSequenceNumber(low: 0x7FFF_FFD0) == 0x1_7FFF_FFD0)
        #expect(window.inferExtendedSequenceNumber(low: 0x0000_0002) == 0x2_0000_0002)
        #expect(AntiReplayWindow().inferExtendedSequenceNumber(low: 7) == 7)
    }
}
