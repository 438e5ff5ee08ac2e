import IKECore
import IKEPolicy

/// Proposal matrices (DESIGN.md, `ikec matrix`): who can talk to whom, with what.
public enum ProposalMatrix {
    /// Within one policy: which peers offer which suites (a hub sees at a glance which
    /// branches share what).
    case file(FileMatrix)
    /// Between two policies: the pair's plan condensed to the selected suite or the
    /// nearest miss, per step and direction.
    case pair(PairMatrix)
    /// Between many policies: for every two that pair up, the IKE suite selected when the
    /// row's gateway initiates to the column's.
    case allPairs(AllPairsMatrix)

    /// Whether the matrix shows a predicted failure (a pair that does not match, or a
    /// step that fails).
    public var hasFailure: Bool {
        switch self {
        case .file:
            return false
        case .pair(let pair):
            return pair.rows.contains { row in row.cells.contains { $0.problem != nil } }
        case .allPairs(let all):
            return all.cells.contains { row in
                row.contains { cell in
                    switch cell {
                    case .same, .notPeers: return false
                    case .ambiguous, .versionMismatch, .noMatch: return true
                    case .selected(_, let problem): return problem != nil
                    }
                }
            }
        }
    }

    /// The matrix that fits the number of policies given.
    public static func build(_ policies: [CheckedPolicy]) -> ProposalMatrix {
        switch policies.count {
        case 1: return .file(FileMatrix(policies[0]))
        case 2:
            if let pair = try? PolicyPairer.pair(policies[0], policies[1]) {
                return .pair(PairMatrix(Planner.plan(pair).connections[0]))
            }
            return .allPairs(AllPairsMatrix(policies))
        default: return .allPairs(AllPairsMatrix(policies))
        }
    }
}

/// One policy's suites by peer.
public struct FileMatrix: Sendable {
    /// One suite and where each peer lists it.
    public struct Row: Sendable, Hashable {
        /// The proposal as written.
        public let suite: String
        /// Per column (peer, or peer and phase 2 entry), the suite's position in that
        /// list (1 is the first choice); nil when not offered.
        public let positions: [Int?]
    }

    /// The policy file.
    public let file: String
    /// The gateway.
    public let gateway: String
    /// Phase 1 columns: the peers.
    public let phase1Columns: [String]
    /// Phase 1 suites, in order of first appearance.
    public let phase1: [Row]
    /// Phase 2 columns: `peer/entry`.
    public let phase2Columns: [String]
    /// Phase 2 suites, in order of first appearance.
    public let phase2: [Row]

    /// The matrix of `policy`.
    public init(_ policy: CheckedPolicy) {
        file = policy.source.path
        gateway = policy.gateway.name.value
        let peers = policy.peers
        phase1Columns = peers.map(\.name.value)
        phase1 = Self.rows(peers.map { $0.phase1.proposals })
        var columns: [String] = []
        var lists: [ProposalList] = []
        for peer in peers {
            for entry in peer.phase2 {
                columns.append("\(peer.name.value)/\(entry.name.value)")
                lists.append(entry.proposals)
            }
        }
        phase2Columns = columns
        phase2 = Self.rows(lists)
    }

    /// The suites every column offers.
    public static func common(_ rows: [Row]) -> [String] {
        rows.filter { row in !row.positions.isEmpty && row.positions.allSatisfy { $0 != nil } }
            .map(\.suite)
    }

    private static func rows(_ lists: [ProposalList]) -> [Row] {
        var suites: [String] = []
        for list in lists {
            for proposal in list.proposals where !suites.contains(text(proposal)) {
                suites.append(text(proposal))
            }
        }
        return suites.map { suite in
            Row(
                suite: suite,
                positions: lists.map { list in
                    list.proposals.firstIndex { text($0) == suite }.map { $0 + 1 }
                })
        }
    }

    private static func text(_ proposal: PolicyProposal) -> String {
        proposal.written ?? proposal.keywordString
    }
}

/// A pair's plan condensed.
public struct PairMatrix: Sendable {
    /// One cell: what is selected, or why nothing is.
    public struct Cell: Sendable, Hashable {
        /// The selected suite, when the step works.
        public let selected: String?
        /// When it fails: what happens and the nearest miss.
        public let problem: String?
    }

    /// One step of the negotiation, in both directions.
    public struct Row: Sendable, Hashable {
        /// `phase 1`, `phase 2 'lan'`, `rekey of 'lan'`, `IKE SA rekey`.
        public let step: String
        /// A initiates, then B initiates.
        public let cells: [Cell]
    }

    /// The two ends.
    public let labels: [String]
    /// The files.
    public let files: [String]
    /// The steps.
    public let rows: [Row]

    /// The matrix of a planned connection.
    public init(_ connection: ConnectionPlan) {
        labels = [connection.a.label, connection.b.label]
        files = [connection.a.file, connection.b.file]
        var steps: [String] = []
        var cells: [String: [Cell]] = [:]
        func add(_ step: String, _ cell: Cell, direction: Int) {
            if !steps.contains(step) {
                steps.append(step)
                cells[step] = Array(
                    repeating: Cell(selected: nil, problem: "not reached"), count: 2)
            }
            cells[step]?[direction] = cell
        }
        for (index, direction) in connection.directions.enumerated() {
            add("phase 1", Self.phase1(direction), direction: index)
            for child in direction.children {
                add(
                    "phase 2 '\(child.name)'",
                    Self.cell(child.selected, child.failure, child: true), direction: index)
                if let rekey = child.rekey {
                    add(
                        "rekey of '\(child.name)'",
                        Self.cell(rekey.selected, rekey.failure, child: true), direction: index)
                }
            }
            if let rekey = direction.ikeRekey {
                add(
                    "IKE SA rekey", Self.cell(rekey.selected, rekey.failure, child: false),
                    direction: index)
            }
        }
        rows = steps.map { Row(step: $0, cells: cells[$0] ?? []) }
    }

    private static func phase1(_ direction: DirectionPlan) -> Cell {
        if let failure = direction.failure, direction.authentication == nil {
            return cell(nil, failure, child: false)
        }
        let selected = direction.phase1?.selected.map(PlanText.proposal)
        if let failure = direction.authentication?.failure {
            return Cell(selected: selected, problem: "\(failure.headline): \(failure.reason)")
        }
        return Cell(selected: selected, problem: nil)
    }

    private static func cell(_ selected: Proposal?, _ failure: PredictedFailure?, child: Bool)
        -> Cell
    {
        if let failure {
            let miss = failure.nearestMiss.map { "; \($0.summary)" } ?? ""
            return Cell(selected: nil, problem: "\(failure.notify ?? failure.code.rawValue)\(miss)")
        }
        let text = selected.map { child ? PlanText.childProposal($0) : PlanText.proposal($0) }
        return Cell(selected: text, problem: nil)
    }
}

/// Every pair among many policies.
public struct AllPairsMatrix: Sendable {
    /// What the row's gateway gets when it initiates to the column's.
    public enum Cell: Sendable, Hashable {
        /// The same gateway.
        case same
        /// The two policies do not name each other.
        case notPeers
        /// A policy has several entries that fit the other equally.
        case ambiguous
        /// They speak different IKE versions.
        case versionMismatch
        /// No IKE proposal in common.
        case noMatch(String)
        /// The IKE suite selected; `problem` when a later step fails.
        case selected(String, problem: String?)
    }

    /// The gateways, in the order given (rows and columns).
    public let labels: [String]
    /// The files, in the same order.
    public let files: [String]
    /// `cells[row][column]`.
    public let cells: [[Cell]]

    /// The matrix of `policies`.
    public init(_ policies: [CheckedPolicy]) {
        self.labels = Self.labels(policies)
        files = policies.map(\.source.path)
        var rows: [[Cell]] = []
        for (row, initiator) in policies.enumerated() {
            var cells: [Cell] = []
            for (column, responder) in policies.enumerated() {
                guard row != column else {
                    cells.append(.same)
                    continue
                }
                cells.append(Self.cell(initiator, responder))
            }
            rows.append(cells)
        }
        cells = rows
    }

    /// Gateway names; where several files use one name, each gets the shortest tail of its
    /// path that tells it apart from the others (`hq (site-to-site-psk/hq.yaml)`).
    static func labels(_ policies: [CheckedPolicy]) -> [String] {
        let names = policies.map(\.gateway.name.value)
        let paths = policies.map { $0.source.path.split(separator: "/").map(String.init) }
        return names.indices.map { index in
            let clashes = names.indices.filter { $0 != index && names[$0] == names[index] }
            guard !clashes.isEmpty else { return names[index] }
            let path = paths[index]
            for length in 1...max(1, path.count) {
                let tail = path.suffix(length)
                if clashes.allSatisfy({ Array(paths[$0].suffix(length)) != Array(tail) }) {
                    return "\(names[index]) (\(tail.joined(separator: "/")))"
                }
            }
            return "\(names[index]) (\(policies[index].source.path))"
        }
    }

    private static func cell(_ initiator: CheckedPolicy, _ responder: CheckedPolicy) -> Cell {
        let pair: PairedPolicies
        do {
            pair = try PolicyPairer.pair(initiator, responder)
        } catch {
            return error.code == .pairingAmbiguous ? .ambiguous : .notPeers
        }
        guard pair.versionsAgree else { return .versionMismatch }
        let direction = Planner.plan(pair).connections[0].directions[0]
        guard let selected = direction.phase1?.selected else {
            return .noMatch(direction.failure?.nearestMiss?.summary ?? "no proposal in common")
        }
        let problem = direction.allFailures.first.map { "\($0.headline)" }
        return .selected(PlanText.proposal(selected), problem: problem)
    }
}
