import IKECore
import IKEDiagnostics
import IKEEngine

/// The report of a live run, as text or JSON. It names algorithms, SPIs, selectors,
/// identities and failures; it never holds a key or a pre-shared key.
struct LiveReport {
    /// `probe` or `respond`.
    let command: String
    /// The negotiations, in order.
    let outcomes: [NegotiationOutcome]
    /// Problems outside any negotiation (a timeout, too few initiators).
    let problems: [String]
    /// Datagrams no session took, each reason once.
    let dropped: [String]
    /// What was written (`pcap`, `keys`) and where.
    let files: [(String, String)]
    /// Remarks that do not make the run fail.
    let notes: [String]

    /// Whether everything asked for worked.
    var succeeded: Bool {
        problems.isEmpty && !outcomes.isEmpty && outcomes.allSatisfy(\.succeeded)
    }

    // MARK: - Text

    /// The text report.
    func text() -> String {
        var out = ""
        for outcome in outcomes { out += Self.text(outcome) }
        for reason in dropped { out += "dropped a datagram \(reason)\n" }
        for problem in problems { out += "\(problem)\n" }
        for (kind, path) in files { out += "wrote \(kind) '\(path)'\n" }
        for note in notes { out += "note: \(note)\n" }
        let good = outcomes.filter(\.succeeded).count
        out += "result: \(succeeded ? "ok" : "failed") (\(good) of \(outcomes.count) "
        out += "negotiation\(outcomes.count == 1 ? "" : "s") complete)\n"
        return out
    }

    private static func text(_ outcome: NegotiationOutcome) -> String {
        var out = "peer '\(outcome.peer)' \(outcome.remote) (IKE\(outcome.version), "
        out += "\(outcome.role) at \(outcome.local))\n"
        if let sa = outcome.ikeSA {
            out += "  IKE SA established: \(sa.selectedProposal.keywordString), SPIs "
            out += "\(hex(sa.initiatorSPI))_i \(hex(sa.responderSPI))_r"
            out += sa.usesUDPEncapsulation ? ", UDP encapsulation\n" : "\n"
            out += "    local \(sa.localIdentity.map { "\($0)" } ?? "ID_NULL") "
            out += "(\(sa.localAuthentication)), remote "
            out +=
                "\(sa.remoteIdentity.map { "\($0)" } ?? "ID_NULL") (\(sa.remoteAuthentication))\n"
        }
        for failure in outcome.failures { out += "  \(failure)\n" }
        for child in outcome.children { out += text(child) }
        if outcome.ikeSA != nil, outcome.expectsChildSAs, outcome.children.isEmpty {
            out += "  no Child SA was negotiated\n"
        }
        if outcome.answeredEchoes > 0 {
            out += "  answered \(outcome.answeredEchoes) echo request"
            out += "\(outcome.answeredEchoes == 1 ? "" : "s") from the peer's side\n"
        }
        if outcome.deleted { out += "  IKE SA deleted\n" }
        return out
    }

    private static func text(_ child: ChildOutcome) -> String {
        var out = ""
        if let sa = child.childSA {
            out += "  Child SA '\(child.name)' established: \(sa.protocolID) \(sa.mode) "
            out += "\(sa.selectedProposal.keywordString), SPIs \(hex32(sa.inboundSPI))_i "
            out += "\(hex32(sa.outboundSPI))_o\n"
            out += "    \(sa.localSelectors.map(\.description).joined(separator: ", ")) === "
            out += "\(sa.remoteSelectors.map(\.description).joined(separator: ", "))\n"
        }
        if let failure = child.failure { out += "  \(failure)\n" }
        if child.childSA == nil, child.failure == nil, child.tunnelProblem == nil {
            out += "  Child SA '\(child.name)' not established: no answer\n"
        }
        if let problem = child.tunnelProblem {
            out += "  Child SA '\(child.name)' cannot carry packets: \(problem)\n"
        }
        if let echo = child.echo {
            let route =
                echo.source.map { source in
                    echo.target.map { " \(source) -> \($0)" } ?? ""
                } ?? ""
            if let roundTrip = echo.roundTrip {
                let milliseconds = (roundTrip * 10_000).rounded() / 10
                out +=
                    "    echo\(route): reply after \(milliseconds) ms (request \(echo.attempts))\n"
            } else {
                out += "    echo\(route): \(echo.problem ?? "waiting for a reply")\n"
            }
        }
        return out
    }

    // MARK: - JSON

    /// The JSON report.
    func json() -> String {
        let document: JSONValue = .object([
            ("command", .string(command)),
            ("result", .string(succeeded ? "ok" : "failed")),
            ("negotiations", .array(outcomes.map(Self.json))),
            ("dropped", .array(dropped.map(JSONValue.string))),
            ("problems", .array(problems.map(JSONValue.string))),
            ("files", .object(files.map { ($0.0, JSONValue.string($0.1)) })),
            ("notes", .array(notes.map(JSONValue.string))),
        ])
        return document.serialized() + "\n"
    }

    private static func json(_ outcome: NegotiationOutcome) -> JSONValue {
        .object([
            ("peer", .string(outcome.peer)),
            ("version", .string(outcome.version.description)),
            ("role", .string("\(outcome.role)")),
            ("local", .string(outcome.local.description)),
            ("remote", .string(outcome.remote.description)),
            ("succeeded", .bool(outcome.succeeded)),
            ("ikeSA", outcome.ikeSA.map(json) ?? .null),
            ("childSAs", .array(outcome.children.map(json))),
            ("failures", .array(outcome.failures.map(json))),
            ("answeredEchoes", .int(outcome.answeredEchoes)),
            ("deleted", .bool(outcome.deleted)),
        ])
    }

    private static func json(_ sa: IKESASummary) -> JSONValue {
        .object([
            ("proposal", .string(sa.selectedProposal.keywordString)),
            ("initiatorSPI", .string(hex(sa.initiatorSPI))),
            ("responderSPI", .string(hex(sa.responderSPI))),
            ("localIdentity", .optional(sa.localIdentity?.description)),
            ("remoteIdentity", .optional(sa.remoteIdentity?.description)),
            ("localAuthentication", .string(sa.localAuthentication.description)),
            ("remoteAuthentication", .string(sa.remoteAuthentication.description)),
            ("udpEncapsulation", .bool(sa.usesUDPEncapsulation)),
        ])
    }

    private static func json(_ child: ChildOutcome) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("name", .string(child.name)),
            ("established", .bool(child.childSA != nil)),
        ]
        if let sa = child.childSA {
            members += [
                ("protocol", .string("\(sa.protocolID)")),
                ("mode", .string(sa.mode.rawValue)),
                ("proposal", .string(sa.selectedProposal.keywordString)),
                ("inboundSPI", .string(hex32(sa.inboundSPI))),
                ("outboundSPI", .string(hex32(sa.outboundSPI))),
                ("localSelectors", .array(sa.localSelectors.map { .string($0.description) })),
                ("remoteSelectors", .array(sa.remoteSelectors.map { .string($0.description) })),
                ("udpEncapsulation", .bool(sa.usesUDPEncapsulation)),
            ]
        }
        members.append(("failure", child.failure.map(json) ?? .null))
        members.append(("tunnelProblem", .optional(child.tunnelProblem)))
        if let echo = child.echo {
            members.append(
                (
                    "echo",
                    .object([
                        ("source", .optional(echo.source?.description)),
                        ("target", .optional(echo.target?.description)),
                        ("replied", .bool(echo.replied)),
                        ("requests", .int(echo.attempts)),
                        (
                            "roundTripMilliseconds",
                            echo.roundTrip.map { .double($0 * 1000) } ?? .null
                        ),
                        ("problem", .optional(echo.problem)),
                    ])
                ))
        } else {
            members.append(("echo", .null))
        }
        return .object(members)
    }

    private static func json(_ failure: NegotiationFailure) -> JSONValue {
        .object([
            ("code", .string(failure.code.rawValue)),
            ("phase", .string(failure.phase.description)),
            ("exchange", .string(failure.exchange)),
            ("notify", .optional(failure.notify?.name)),
            ("refusedBy", .string("\(failure.refusedBy)")),
            ("reportedBy", .string("\(failure.reportedBy)")),
            ("reason", .string(failure.reason)),
            ("description", .string(failure.description)),
        ])
    }

    static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    static func hex32(_ value: UInt32) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 8 - digits.count) + digits
    }
}
