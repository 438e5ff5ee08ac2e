import IKEDiagnostics

/// Proposal matrices as one JSON document, keys in a fixed order.
public enum MatrixJSONRenderer {
    /// The document.
    public static func render(_ matrix: ProposalMatrix) -> JSONValue {
        switch matrix {
        case .file(let file):
            return .object([
                ("ikec-matrix", 1), ("kind", "file"), ("files", .array([.string(file.file)])),
                ("gateway", .string(file.gateway)),
                ("phase1", table(file.phase1Columns, file.phase1)),
                ("phase2", table(file.phase2Columns, file.phase2)),
            ])
        case .pair(let pair):
            return .object([
                ("ikec-matrix", 1), ("kind", "pair"),
                ("files", .array(pair.files.map(JSONValue.string))),
                ("initiators", .array(pair.labels.map(JSONValue.string))),
                (
                    "rows",
                    .array(
                        pair.rows.map { row in
                            .object([
                                ("step", .string(row.step)),
                                (
                                    "cells",
                                    .array(
                                        row.cells.map { cell in
                                            .object([
                                                ("selected", .optional(cell.selected)),
                                                ("problem", .optional(cell.problem)),
                                            ])
                                        })
                                ),
                            ])
                        })
                ),
            ])
        case .allPairs(let all):
            return .object([
                ("ikec-matrix", 1), ("kind", "all-pairs"),
                ("files", .array(all.files.map(JSONValue.string))),
                ("gateways", .array(all.labels.map(JSONValue.string))),
                ("cells", .array(all.cells.map { .array($0.map(cell)) })),
            ])
        }
    }

    private static func table(_ columns: [String], _ rows: [FileMatrix.Row]) -> JSONValue {
        .object([
            ("columns", .array(columns.map(JSONValue.string))),
            (
                "suites",
                .array(
                    rows.map { row in
                        .object([
                            ("suite", .string(row.suite)),
                            (
                                "positions",
                                .array(row.positions.map { $0.map(JSONValue.int) ?? .null })
                            ),
                        ])
                    })
            ),
            ("common", .array(FileMatrix.common(rows).map(JSONValue.string))),
        ])
    }

    private static func cell(_ cell: AllPairsMatrix.Cell) -> JSONValue {
        switch cell {
        case .same:
            return .object([("status", "same"), ("suite", .null), ("note", .null)])
        case .notPeers:
            return .object([("status", "not-peers"), ("suite", .null), ("note", .null)])
        case .ambiguous:
            return .object([("status", "ambiguous"), ("suite", .null), ("note", .null)])
        case .versionMismatch:
            return .object([("status", "version-mismatch"), ("suite", .null), ("note", .null)])
        case .noMatch(let miss):
            return .object([("status", "no-match"), ("suite", .null), ("note", .string(miss))])
        case .selected(let suite, let problem):
            return .object([
                ("status", problem == nil ? "works" : "fails-later"), ("suite", .string(suite)),
                ("note", .optional(problem)),
            ])
        }
    }
}
