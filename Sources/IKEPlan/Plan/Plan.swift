import IKECore

/// The negotiation plan of one policy (every peer, each against its mirror image) or of
/// a pair of policies (DESIGN.md, "compile").
public struct Plan: Sendable {
    /// The policy files, as given.
    public let files: [String]
    /// One per connection planned.
    public let connections: [ConnectionPlan]

    /// A plan.
    public init(files: [String], connections: [ConnectionPlan]) {
        self.files = files
        self.connections = connections
    }
}

/// The plan of one connection: both ends and both directions.
public struct ConnectionPlan: Sendable {
    /// The first end (the first policy given; for a single policy, the policy's gateway).
    public let a: EndProfile
    /// The second end (for a single policy, the mirror image of the peer entry).
    public let b: EndProfile
    /// How each policy's peer entry names the other gateway (nil for a mirror).
    public let matches: (a: PeerMatch, b: PeerMatch)?
    /// A initiates, then B initiates.
    public let directions: [DirectionPlan]

    /// A connection plan.
    public init(
        a: EndProfile, b: EndProfile, matches: (a: PeerMatch, b: PeerMatch)?,
        directions: [DirectionPlan]
    ) {
        self.a = a
        self.b = b
        self.matches = matches
        self.directions = directions
    }

    /// Whether both ends use the same IKE version.
    public var versionsAgree: Bool { a.version == b.version }
}
