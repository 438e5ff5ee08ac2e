import IKECore
import IKEDiagnostics

extension PolicyChecker {
    /// The top-level `proposals:` map. Each set is read once here (names resolved, unknown
    /// keywords reported) and typed where a peer uses it.
    mutating func proposalSets(_ node: YAMLNode) -> [ProposalSet] {
        guard case .mapping(let entries) = node.content else {
            wrongType(node, expected: "a mapping of set names to proposal lists", for: "proposals")
            return []
        }
        var sets: [ProposalSet] = []
        for entry in entries {
            guard checkName(entry.key, at: entry.keySpan, kind: "proposal set") else { continue }
            guard
                let items = oneOrMany(entry.value, for: entry.key, expected: "a list of proposals")
            else { continue }
            let written = items.compactMap { writtenProposal($0, allowPFS: true) }
            writtenSets[entry.key] = written
            setNames.append(entry.key)
            sets.append(
                ProposalSet(
                    name: Located(entry.key, at: entry.keySpan), proposalSpans: items.map(\.span),
                    span: entry.value.span))
        }
        return sets
    }

    /// A `proposals:` value of phase 1 or a phase 2 entry: a set name or a list. Nil after
    /// an error, or when `version` is unknown (its own error was reported).
    mutating func proposalList(
        _ node: YAMLNode, protocolID: SecurityProtocol, version: IKEVersion?
    ) -> ProposalList? {
        let allowPFS = protocolID != .ike
        switch node.content {
        case .scalar:
            let name = node.text
            guard !node.isEmptyPlainScalar else {
                wrongType(node, expected: "a proposal set name or a list", for: "proposals")
                return nil
            }
            guard let written = writtenSets[name] else {
                unknownSet(name, at: node.span)
                return nil
            }
            guard let version,
                let typed = typedSet(name, written, protocolID: protocolID, version: version)
            else { return nil }
            return ProposalList(
                proposals: typed, setName: Located(name, at: node.span), span: node.span)
        case .sequence(let items):
            guard !items.isEmpty else {
                error(.emptyCollection, "'proposals' needs at least one proposal", at: node.span)
                return nil
            }
            var typed: [PolicyProposal] = []
            typed.reserveCapacity(items.count)
            var failed = false
            for item in items {
                if let name = item.scalarText, writtenSets[name] != nil {
                    error(
                        .proposalSetInList,
                        "'\(name)' is a proposal set; use it on its own as 'proposals: \(name)'",
                        at: item.span)
                    failed = true
                    continue
                }
                guard let written = writtenProposal(item, allowPFS: allowPFS), let version,
                    let proposal = typedProposal(written, protocolID: protocolID, version: version)
                else {
                    failed = true
                    continue
                }
                typed.append(proposal)
            }
            return failed ? nil : ProposalList(proposals: typed, setName: nil, span: node.span)
        case .mapping:
            wrongType(node, expected: "a proposal set name or a list", for: "proposals")
            return nil
        }
    }

    private mutating func unknownSet(_ name: String, at span: SourceSpan) {
        var notes: [DiagnosticNote] = []
        var fixIts: [FixIt] = []
        if let guess = Suggestions.closest(to: name, among: setNames) {
            notes.append(DiagnosticNote("did you mean '\(guess)'?"))
            fixIts.append(FixIt("replace with '\(guess)'", span: span, replacement: guess))
        } else if name.contains("-") || AlgorithmKeywords.transform(forKeyword: name) != nil {
            notes.append(DiagnosticNote("a proposal written directly goes in a list"))
            fixIts.append(FixIt("write it as a list", span: span, replacement: "[\(name)]"))
        }
        if setNames.isEmpty {
            notes.append(DiagnosticNote("the policy defines no proposal sets"))
        }
        error(
            .unknownProposalSet, "unknown proposal set '\(name)'", at: span, notes: notes,
            fixIts: fixIts)
    }
}
