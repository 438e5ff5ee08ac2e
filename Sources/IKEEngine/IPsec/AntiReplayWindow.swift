/// The receiver's anti-replay window of an ESP or AH SA (RFC 4303 section 3.4.3, RFC 4302
/// section 3.4.3): 64 packets wide, with the inference of the implicit high-order bits of
/// extended sequence numbers (RFC 4303 appendix A2).
///
/// `check` runs before the ICV is verified, so duplicates are dropped cheaply; `accept`
/// runs only after the ICV verified, so a forged packet cannot move the window.
public struct AntiReplayWindow: Sendable, Hashable {
    /// The window size in packets (RFC 4303 section 3.4.3's default).
    public static let size = 64

    /// The highest sequence number accepted so far (0 before the first packet).
    public private(set) var highest: UInt64 = 0
    /// Bit i set: sequence number `highest - i` has been accepted.
    private var received: UInt64 = 0

    /// An empty window.
    public init() {}

    /// The full 64-bit sequence number of a packet that carries `low`, the low-order 32
    /// bits (RFC 4303 appendix A2.2): the high-order bits that put it in or right of the
    /// window. Without ESN the carried value is the whole sequence number.
    public func inferExtendedSequenceNumber(low: UInt32) -> UInt64 {
        let top = UInt32(truncatingIfNeeded: highest >> 32)
        let topLow = UInt32(truncatingIfNeeded: highest)
        let width = UInt32(Self.size)
        var high = top
        if topLow >= width - 1 {
            // Case A: the window lies within one 2^32 subspace.
            if low < topLow - width + 1 { high = top == .max ? top : top + 1 }
        } else {
            // Case B: the window spans two subspaces; below the wrap point means the
            // previous one.
            if low >= topLow &- width &+ 1 { high = top == 0 ? top : top - 1 }
        }
        return UInt64(high) << 32 | UInt64(low)
    }

    /// Throws `replayedPacket` if `sequenceNumber` was accepted before and
    /// `staleSequenceNumber` if it lies left of the window (or is 0, never sent).
    public func check(_ sequenceNumber: UInt64) throws(IPsecError) {
        guard sequenceNumber != 0 else {
            throw IPsecError(.staleSequenceNumber, "sequence number 0 is never sent")
        }
        guard sequenceNumber <= highest else { return }
        let offset = highest - sequenceNumber
        guard offset < UInt64(Self.size) else {
            throw IPsecError(
                .staleSequenceNumber,
                "sequence number \(sequenceNumber) is left of the window ending at \(highest)")
        }
        guard received & (1 << offset) == 0 else {
            throw IPsecError(.replayedPacket, "sequence number \(sequenceNumber) was replayed")
        }
    }

    /// Records `sequenceNumber` as received, sliding the window right if it is new;
    /// call only after `check` passed and the ICV verified.
    public mutating func accept(_ sequenceNumber: UInt64) {
        if sequenceNumber > highest {
            let shift = sequenceNumber - highest
            received = shift >= UInt64(Self.size) ? 0 : received << shift
            received |= 1
            highest = sequenceNumber
        } else if highest - sequenceNumber < UInt64(Self.size) {
            received |= 1 << (highest - sequenceNumber)
        }
    }
}

/// The sender's sequence number counter of an ESP or AH SA (RFC 4303 section 3.3.3): it
/// starts at 1 and must never cycle; the SA is rekeyed before 2^32 (2^64 with ESN).
struct OutboundSequenceCounter: Sendable, Hashable {
    /// The last sequence number sent, 0 before the first packet.
    var last: UInt64 = 0

    /// The next sequence number, or `sequenceNumberOverflow` when it would cycle.
    mutating func next(extended: Bool) throws(IPsecError) -> UInt64 {
        let limit: UInt64 = extended ? .max : UInt64(UInt32.max)
        guard last < limit else {
            throw IPsecError(
                .sequenceNumberOverflow,
                "the \(extended ? 64 : 32)-bit sequence number would cycle: rekey the SA")
        }
        last += 1
        return last
    }
}
