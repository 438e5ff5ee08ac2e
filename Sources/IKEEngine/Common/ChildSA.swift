import IKECore

/// An established Child SA (IKEv1: a pair of IPsec SAs) as one session holds it: what the
/// IPsec layer needs to seal and open packets, and what `ikec negotiate` compares.
public struct ChildSA: Sendable, Hashable {
    /// The configured name.
    public var name: String
    /// ESP or AH.
    public var protocolID: SecurityProtocol
    /// Tunnel or transport.
    public var mode: IPsecMode
    /// The SPI of packets we receive (the one we chose).
    public var inboundSPI: UInt32
    /// The SPI of packets we send (the one the peer chose).
    public var outboundSPI: UInt32
    /// Our side's selectors after narrowing.
    public var localSelectors: [TrafficSelector]
    /// The peer's side's selectors after narrowing.
    public var remoteSelectors: [TrafficSelector]
    /// The selected proposal, one transform of each type (its D-H group is the PFS group
    /// used, if any).
    public var selectedProposal: Proposal
    /// The keys by direction.
    public var keys: ChildSAKeys
    /// Whether ESP travels in UDP (RFC 3948) because of NAT or forced encapsulation.
    public var usesUDPEncapsulation: Bool
    /// The configured lifetime.
    public var lifetime: ChildLifetime
    /// How many times this Child SA has been rekeyed (0 for the first).
    public var generation: Int

    /// A Child SA from its parts.
    public init(
        name: String, protocolID: SecurityProtocol, mode: IPsecMode, inboundSPI: UInt32,
        outboundSPI: UInt32, localSelectors: [TrafficSelector],
        remoteSelectors: [TrafficSelector], selectedProposal: Proposal, keys: ChildSAKeys,
        usesUDPEncapsulation: Bool, lifetime: ChildLifetime, generation: Int
    ) {
        self.name = name
        self.protocolID = protocolID
        self.mode = mode
        self.inboundSPI = inboundSPI
        self.outboundSPI = outboundSPI
        self.localSelectors = localSelectors
        self.remoteSelectors = remoteSelectors
        self.selectedProposal = selectedProposal
        self.keys = keys
        self.usesUDPEncapsulation = usesUDPEncapsulation
        self.lifetime = lifetime
        self.generation = generation
    }

    /// The cipher of the selected proposal (nil for AH).
    public var cipher: Cipher? { selectedProposal.encryption.first }

    /// The integrity algorithm of the selected proposal (nil with an AEAD cipher).
    public var integrity: IntegrityAlgorithm? { selectedProposal.integrity.first }

    /// Whether extended sequence numbers were agreed.
    public var usesExtendedSequenceNumbers: Bool { selectedProposal.esn.first == .enabled }
}
