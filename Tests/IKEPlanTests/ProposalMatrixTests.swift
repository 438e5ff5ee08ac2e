import IKEPlan
import IKEPolicy
import Testing

@Suite struct ProposalMatrixTests {
    static let hubFiles = ["hub.yaml", "branch1.yaml", "branch2.yaml", "branch3.yaml"]

    @Test func aHubsMatrixShowsWhichPeersShareWhichSuites() throws {
        let hub = try TestSupport.example("hub-and-spoke", "hub.yaml")
        guard case .file(let matrix) = ProposalMatrix.build([hub]) else {
            Issue.record("one file gives a file matrix")
            return
        }
        #expect(matrix.phase1Columns == ["branch1", "branch2", "branch3"])
        #expect(
            matrix.phase1.map(\.suite) == ["aes256gcm16-prfsha384-ecp384", "aes256-sha384-ecp384"])
        #expect(matrix.phase1[1].positions == [2, 2, 2])
        #expect(FileMatrix.common(matrix.phase2) == ["aes256gcm16-ecp384", "aes256-sha384-ecp384"])
        #expect(matrix.phase2Columns == ["branch1/lan", "branch2/lan", "branch3/lan"])
    }

    @Test func aPairsMatrixCondensesThePlan() throws {
        let matrix = ProposalMatrix.build([
            try TestSupport.hq(phase2: "[aes256gcm16-ecp384]"),
            try TestSupport.branch(phase2: "[aes256gcm16-modp3072]"),
        ])
        guard case .pair(let pair) = matrix else {
            Issue.record("two peers give a pair matrix")
            return
        }
        #expect(
            pair.rows.map(\.step) == ["phase 1", "phase 2 'lan'", "rekey of 'lan'", "IKE SA rekey"])
        #expect(pair.rows[1].cells.map(\.selected) == ["aes256gcm16", "aes256gcm16"])
        #expect(
            pair.rows[2].cells.first?.problem
                == "NO_PROPOSAL_CHOSEN; proposals differ only in the PFS group: ecp384 vs modp3072")
        #expect(matrix.hasFailure)
    }

    @Test func manyFilesGiveEveryPairThatPairsUp() throws {
        let policies = try Self.hubFiles.map { try TestSupport.example("hub-and-spoke", $0) }
        guard case .allPairs(let matrix) = ProposalMatrix.build(policies) else {
            Issue.record("four files give an all-pairs matrix")
            return
        }
        #expect(matrix.labels == ["hub", "branch1", "branch2", "branch3"])
        #expect(matrix.cells[0][0] == .same)
        #expect(matrix.cells[0][1] == .selected("aes256gcm16-prfsha384-ecp384", problem: nil))
        #expect(matrix.cells[1][2] == .notPeers)
        #expect(!ProposalMatrix.allPairs(matrix).hasFailure)
        let text = MatrixTextRenderer.render(.allPairs(matrix))
        #expect(text.contains("initiator \\ responder  hub"))
    }
}
