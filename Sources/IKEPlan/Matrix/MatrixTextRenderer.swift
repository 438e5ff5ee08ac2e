/// Proposal matrices as aligned text tables.
public enum MatrixTextRenderer {
    /// The matrix.
    public static func render(_ matrix: ProposalMatrix) -> String {
        switch matrix {
        case .file(let file): return render(file)
        case .pair(let pair): return render(pair)
        case .allPairs(let all): return render(all)
        }
    }

    static func render(_ matrix: FileMatrix) -> String {
        var out =
            "matrix of \(matrix.file) (gateway \(matrix.gateway)): each suite's position "
            + "in each peer's list, '-' where it is not offered\n"
        for (title, columns, rows) in [
            ("phase 1", matrix.phase1Columns, matrix.phase1),
            ("phase 2", matrix.phase2Columns, matrix.phase2),
        ] where !columns.isEmpty {
            out += "\n\(title)\n"
            let body = rows.map { row in
                [row.suite] + row.positions.map { $0.map(String.init) ?? "-" }
            }
            out += table(header: ["suite"] + columns, rows: body)
            let common = FileMatrix.common(rows)
            out +=
                "  offered by every column: "
                + (common.isEmpty ? "none" : common.joined(separator: ", ")) + "\n"
        }
        return out
    }

    static func render(_ matrix: PairMatrix) -> String {
        var out =
            "matrix of \(matrix.files.joined(separator: " and ")): the suite selected at "
            + "each step, or why none is\n\n"
        let body = matrix.rows.map { row in
            [row.step]
                + row.cells.map { cell in
                    cell.problem.map { "FAILS: \($0)" } ?? cell.selected ?? "-"
                }
        }
        out += table(
            header: ["step"] + matrix.labels.map { "\($0) initiates" }, rows: body)
        return out
    }

    /// Beyond this many policies a table is mostly "not peers": the text lists the pairs.
    static let largestTable = 8

    static func render(_ matrix: AllPairsMatrix) -> String {
        if matrix.files.count > largestTable { return renderPairs(matrix) }
        var out =
            "matrix of \(matrix.files.count) policies: the IKE suite selected when the "
            + "row's gateway initiates to the column's\n\n"
        var notes: [String] = []
        let body = matrix.cells.enumerated().map { row, cells in
            [matrix.labels[row]]
                + cells.enumerated().map { column, cell in
                    switch cell {
                    case .same: return "-"
                    case .notPeers: return "not peers"
                    case .ambiguous: return "ambiguous"
                    case .versionMismatch: return "version mismatch"
                    case .noMatch: return "no match"
                    case .selected(let suite, let problem?):
                        notes.append(
                            "[\(notes.count + 1)] \(matrix.labels[row]) -> "
                                + "\(matrix.labels[column]): \(problem)")
                        return "\(suite) [\(notes.count)]"
                    case .selected(let suite, nil):
                        return suite
                    }
                }
        }
        out += table(header: ["initiator \\ responder"] + matrix.labels, rows: body)
        for (row, cells) in matrix.cells.enumerated() {
            for (column, cell) in cells.enumerated() {
                if case .noMatch(let miss) = cell {
                    notes.append(
                        "\(matrix.labels[row]) -> \(matrix.labels[column]): no match, \(miss)")
                }
            }
        }
        if !notes.isEmpty { out += "\n" + notes.map { "  \($0)\n" }.joined() }
        return out
    }

    /// The matrix of many policies as a list: every ordered pair of gateways that are
    /// peers, with what the row's gateway initiating to the column's would select.
    static func renderPairs(_ matrix: AllPairsMatrix) -> String {
        var rows: [[String]] = []
        var notes: [String] = []
        for (row, cells) in matrix.cells.enumerated() {
            for (column, cell) in cells.enumerated() {
                let pair = [matrix.labels[row], "->", matrix.labels[column]]
                switch cell {
                case .same, .notPeers: continue
                case .ambiguous: rows.append(pair + ["ambiguous pairing"])
                case .versionMismatch: rows.append(pair + ["version mismatch"])
                case .noMatch(let miss): rows.append(pair + ["no match: \(miss)"])
                case .selected(let suite, nil): rows.append(pair + [suite])
                case .selected(let suite, let problem?):
                    notes.append("[\(notes.count + 1)] \(pair.joined(separator: " ")): \(problem)")
                    rows.append(pair + ["\(suite) [\(notes.count)]"])
                }
            }
        }
        var out =
            "matrix of \(matrix.files.count) policies: \(rows.count) initiator -> responder "
            + "pairs are peers; the IKE suite each would select\n\n"
        out += table(header: ["initiator", "", "responder", "IKE suite"], rows: rows)
        if !notes.isEmpty { out += "\n" + notes.map { "  \($0)\n" }.joined() }
        return out
    }

    /// Columns padded to their widest cell, two spaces apart, indented by two.
    static func table(header: [String], rows: [[String]]) -> String {
        let all = [header] + rows
        let count = all.map(\.count).max() ?? 0
        let widths = (0..<count).map { column in
            all.map { column < $0.count ? $0[column].count : 0 }.max() ?? 0
        }
        return all.map { row in
            let cells = row.enumerated().map { column, text in
                column == row.count - 1
                    ? text : text + String(repeating: " ", count: widths[column] - text.count)
            }
            return "  " + cells.joined(separator: "  ") + "\n"
        }.joined()
    }
}
