/// How `ikec negotiate` runs a pair.
public struct NegotiationOptions: Sendable {
    /// Which end initiates.
    public enum Initiator: String, Sendable, CaseIterable {
        /// The first policy given.
        case a
        /// The second policy given.
        case b
    }

    /// The directions to run, in order (both by default: the selected proposal can
    /// differ with the direction).
    public var initiators: [Initiator]
    /// With a seed, both ends draw their randomness from `SeededRandom` keyed by the seed,
    /// the direction and the end, so a run can be repeated exactly; without, from the
    /// system generator.
    public var seed: String?
    /// The time certificates are validated at, in seconds since 1970.
    public var validationTime: Double

    /// Options.
    public init(initiators: [Initiator] = [.a, .b], seed: String? = nil, validationTime: Double) {
        self.initiators = initiators
        self.seed = seed
        self.validationTime = validationTime
    }
}
