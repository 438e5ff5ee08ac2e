import IKECore
import IKEDiagnostics

/// One entry of the top-level `proposals:` map: a named list of proposals that any peer
/// may use in phase 1 or phase 2.
///
/// A set is typed where it is used (the same text is an IKE proposal in phase 1 and an ESP
/// proposal in phase 2), so this holds only the name and the written proposals' places;
/// the typed proposals live in each `ProposalList` that names the set.
public struct ProposalSet: Sendable {
    /// The set's name.
    public let name: Located<String>
    /// The place of each proposal (string or map) in the set, in order.
    public let proposalSpans: [SourceSpan]
    /// The set's value (the list).
    public let span: SourceSpan
}

/// The proposals of one phase 1 or phase 2 entry, in preference order.
public struct ProposalList: Sendable {
    // The fields live in one shared, immutable box, so that copying this (which lint rules
    // and the planner do for every use) is one reference instead of one per field.
    private final class Storage: Sendable {
        let proposals: [PolicyProposal]
        let setName: Located<String>?
        let span: SourceSpan

        init(proposals: [PolicyProposal], setName: Located<String>?, span: SourceSpan) {
            self.proposals = proposals
            self.setName = setName
            self.span = span
        }
    }

    private let storage: Storage

    init(proposals: [PolicyProposal], setName: Located<String>?, span: SourceSpan) {
        storage = Storage(proposals: proposals, setName: setName, span: span)
    }

    /// The typed proposals.
    public var proposals: [PolicyProposal] { storage.proposals }
    /// The set name when the entry wrote `proposals: NAME`; nil for an inline list.
    public var setName: Located<String>? { storage.setName }
    /// The `proposals:` value.
    public var span: SourceSpan { storage.span }

    /// The proposals as IKECore values.
    public var coreProposals: [Proposal] { proposals.map(\.proposal) }
}

/// One proposal as written: a keyword string (`aes256gcm16-prfsha384-ecp384`) or a map of
/// transform lists, typed for the place it is used.
public struct PolicyProposal: Sendable, Hashable {
    // The fields live in one shared, immutable box, so that copying this (which lint rules
    // and the planner do for every use) is one reference instead of one per field.
    private final class Storage: Sendable {
        let proposal: Proposal
        let transforms: [Located<Transform>]
        let span: SourceSpan
        let written: String?
        let ikev1Phase1: [IKEv1Phase1Transform]
        let ikev1Phase2: [IKEv1Phase2Transform]

        init(
            proposal: Proposal, transforms: [Located<Transform>], span: SourceSpan,
            written: String?, ikev1Phase1: [IKEv1Phase1Transform],
            ikev1Phase2: [IKEv1Phase2Transform]
        ) {
            self.proposal = proposal
            self.transforms = transforms
            self.span = span
            self.written = written
            self.ikev1Phase1 = ikev1Phase1
            self.ikev1Phase2 = ikev1Phase2
        }
    }

    private let storage: Storage

    init(
        proposal: Proposal, transforms: [Located<Transform>], span: SourceSpan, written: String?,
        ikev1Phase1: [IKEv1Phase1Transform], ikev1Phase2: [IKEv1Phase2Transform]
    ) {
        storage = Storage(
            proposal: proposal, transforms: transforms, span: span, written: written,
            ikev1Phase1: ikev1Phase1, ikev1Phase2: ikev1Phase2)
    }

    /// The proposal as IKECore models it. In phase 1 without an explicit PRF, the PRFs
    /// implied by the integrity algorithms are included (as strongSwan does).
    public var proposal: Proposal { storage.proposal }
    /// Every transform with the place that named it (a keyword inside the string, or an
    /// element of a map's list). Implied PRFs point at the integrity keyword they came
    /// from.
    public var transforms: [Located<Transform>] { storage.transforms }
    /// The string or map.
    public var span: SourceSpan { storage.span }
    /// The string for a keyword proposal; nil for the map form.
    public var written: String? { storage.written }
    /// IKEv1 phase 1 only: one ISAKMP transform per combination of the lists, in order
    /// (cipher, then hash, then group). Empty for IKEv2 and for phase 2.
    public var ikev1Phase1: [IKEv1Phase1Transform] { storage.ikev1Phase1 }
    /// IKEv1 phase 2 only: one IPsec transform per combination, in order (cipher, then
    /// integrity, then PFS group, then ESN). Empty for IKEv2 and for phase 1.
    public var ikev1Phase2: [IKEv1Phase2Transform] { storage.ikev1Phase2 }

    /// The proposal in strongSwan keyword form, for display.
    public var keywordString: String { proposal.keywordString }

    /// `proposal.protocolID`, read without copying the proposal's lists.
    public var protocolID: SecurityProtocol { storage.proposal.protocolID }

    /// `proposal.dhGroups`, read without copying the proposal's other lists.
    public var dhGroups: [DHGroup] { storage.proposal.dhGroups }

    /// Whether the two are the same proposal written at the same place.
    public static func == (lhs: PolicyProposal, rhs: PolicyProposal) -> Bool {
        lhs.storage === rhs.storage
            || (lhs.proposal == rhs.proposal && lhs.transforms == rhs.transforms
                && lhs.span == rhs.span && lhs.written == rhs.written
                && lhs.ikev1Phase1 == rhs.ikev1Phase1 && lhs.ikev1Phase2 == rhs.ikev1Phase2)
    }

    /// Hashes every field, as `==` compares them.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(proposal)
        hasher.combine(transforms)
        hasher.combine(span)
        hasher.combine(written)
        hasher.combine(ikev1Phase1)
        hasher.combine(ikev1Phase2)
    }
}

/// One IKEv1 phase 1 (ISAKMP SA) transform: one of each attribute (RFC 2409 appendix A).
/// The authentication method and lifetime come from the peer's `auth` and `phase1`.
public struct IKEv1Phase1Transform: Sendable, Hashable {
    /// Encryption Algorithm (class 1), with its Key Length (class 14) if it takes one.
    public let cipher: Cipher
    /// Hash Algorithm (class 2); also the PRF (HMAC with this hash).
    public let hash: HashAlgorithm
    /// Group Description (class 4).
    public let group: DHGroup

    /// A transform (a plain value: the planner and tests build them to compare).
    public init(cipher: Cipher, hash: HashAlgorithm, group: DHGroup) {
        self.cipher = cipher
        self.hash = hash
        self.group = group
    }
}

/// One IKEv1 phase 2 (quick mode) transform (RFC 2407 section 4.5).
public struct IKEv1Phase2Transform: Sendable, Hashable {
    /// The ESP transform's cipher; nil for AH.
    public let cipher: Cipher?
    /// The Authentication Algorithm attribute (ESP) or the AH transform; nil with an AEAD.
    public let integrity: IntegrityAlgorithm?
    /// The Group Description attribute (PFS); nil without PFS.
    public let pfsGroup: DHGroup?
    /// The Extended Sequence Number attribute (RFC 4304); nil when not written.
    public let esn: ExtendedSequenceNumbers?

    /// A transform (a plain value: the planner and tests build them to compare).
    public init(
        cipher: Cipher?, integrity: IntegrityAlgorithm?, pfsGroup: DHGroup?,
        esn: ExtendedSequenceNumbers?
    ) {
        self.cipher = cipher
        self.integrity = integrity
        self.pfsGroup = pfsGroup
        self.esn = esn
    }
}
