import IKECore
import IKEDiagnostics

/// What the checker learnt about proposals, kept for the rest of the file: a large policy
/// names the same few algorithms, proposals and sets thousands of times, and each reading
/// depends only on what was written and where it is used, never on the place.
struct ProposalMemo {
    /// A transform of a typed proposal and the element of the written proposal that named
    /// it (an implied PRF names its integrity keyword).
    struct Named {
        let transform: Transform
        let element: Int
    }

    /// A typed proposal without places: `instantiate` gives it the places of one written
    /// proposal with the same elements.
    struct Template {
        let proposal: Proposal
        let transforms: [Named]
        let ikev1Phase1: [IKEv1Phase1Transform]
        let ikev1Phase2: [IKEv1Phase2Transform]

        func instantiate(_ written: WrittenProposal) -> PolicyProposal {
            PolicyProposal(
                proposal: proposal,
                transforms: transforms.map {
                    Located($0.transform, at: written.elements[$0.element].span)
                },
                span: written.span, written: written.written, ikev1Phase1: ikev1Phase1,
                ikev1Phase2: ikev1Phase2)
        }
    }

    /// What typing a written proposal depends on, when it succeeds.
    struct TypingKey: Hashable {
        let items: [WrittenProposal.Item]
        let hasPFSKey: Bool
        let protocolID: SecurityProtocol
        let version: IKEVersion

        init(_ written: WrittenProposal, protocolID: SecurityProtocol, version: IKEVersion) {
            items = written.elements.map(\.item)
            hasPFSKey = written.pfsKey != nil
            self.protocolID = protocolID
            self.version = version
        }
    }

    /// A named set used for one protocol in one IKE version.
    struct SetUse: Hashable {
        let name: String
        let protocolID: SecurityProtocol
        let version: IKEVersion
    }

    /// The outcome of typing a set for one use: the proposals (nil after an error) and the
    /// diagnostics it produced, which every later use reports again.
    struct SetOutcome {
        let proposals: [PolicyProposal]?
        let diagnostics: [Diagnostic]
        let errors: Int
    }

    /// A transform name, alone (`aes256-sha256`) or under a map key of a transform type.
    struct NameKey: Hashable {
        let text: String
        let slot: TransformType?
    }

    /// One keyword of a proposal string: what it names and where in the string it is.
    struct Token {
        let item: WrittenProposal.Item
        let text: String
        let offset: Int
        let length: Int
    }

    /// Proposal strings read without an error, by their text.
    var keywords: [String: [Token]] = [:]
    /// Proposals typed without an error, by what they depend on.
    var templates: [TypingKey: Template] = [:]
    /// Named sets typed for a use.
    var sets: [SetUse: SetOutcome] = [:]
    /// Transform names resolved without an error.
    var names: [NameKey: WrittenProposal.Item] = [:]
}

extension PolicyChecker {
    /// The typed proposals of set `name` for `protocolID` in `version`, typed once per
    /// use; a later use reports the first one's diagnostics again (they are identical and
    /// the loader drops the repeats).
    mutating func typedSet(
        _ name: String, _ written: [WrittenProposal], protocolID: SecurityProtocol,
        version: IKEVersion
    ) -> [PolicyProposal]? {
        let use = ProposalMemo.SetUse(name: name, protocolID: protocolID, version: version)
        if let known = memo.sets[use] {
            diagnostics += known.diagnostics
            errorTotal += known.errors
            return known.proposals
        }
        let diagnosticsBefore = diagnostics.count
        let errorsBefore = errorTotal
        let typed = written.compactMap {
            typedProposal($0, protocolID: protocolID, version: version)
        }
        let proposals = typed.count == written.count && !typed.isEmpty ? typed : nil
        memo.sets[use] = ProposalMemo.SetOutcome(
            proposals: proposals, diagnostics: Array(diagnostics[diagnosticsBefore...]),
            errors: errorTotal - errorsBefore)
        return proposals
    }
}
