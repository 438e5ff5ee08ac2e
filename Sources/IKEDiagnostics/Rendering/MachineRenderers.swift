/// Diagnostics as JSON: `{"diagnostics": [...], "summary": {...}}`, in the given order.
public enum JSONDiagnosticsRenderer {
    /// The JSON document.
    public static func render(_ diagnostics: [Diagnostic]) -> JSONValue {
        let counts = Severity.allCases.reversed().map { severity in
            (
                severity.rawValue + "s",
                JSONValue.int(
                    diagnostics.filter {
                        $0.severity == severity
                    }.count)
            )
        }
        return .object([
            ("diagnostics", .array(diagnostics.map(json))),
            ("summary", .object(counts)),
        ])
    }

    /// One diagnostic as a JSON object.
    public static func json(_ diagnostic: Diagnostic) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("id", .string(diagnostic.id)),
            ("severity", .string(diagnostic.severity.rawValue)),
            ("message", .string(diagnostic.message)),
            ("location", diagnostic.span.map(json) ?? .null),
        ]
        members.append(
            (
                "notes",
                .array(
                    diagnostic.notes.map { note in
                        .object([
                            ("message", .string(note.message)),
                            ("location", note.span.map(json) ?? .null),
                        ])
                    })
            ))
        members.append(
            (
                "fixes",
                .array(
                    diagnostic.fixIts.map { fix in
                        .object([
                            ("message", .string(fix.message)), ("location", json(fix.span)),
                            ("replacement", .string(fix.replacement)),
                        ])
                    })
            ))
        return .object(members)
    }

    static func json(_ span: SourceSpan) -> JSONValue {
        .object([
            ("file", .string(span.path)),
            ("line", .int(span.start.line)), ("column", .int(span.start.column)),
            ("endLine", .int(span.end.line)), ("endColumn", .int(span.end.column)),
        ])
    }
}

/// Diagnostics as a SARIF 2.1.0 log that GitHub code scanning accepts.
public enum SARIFRenderer {
    /// The SARIF document. `rules` describes every id that can appear (the driver's rule
    /// catalog); results point at their rule by index as well as by id.
    public static func render(
        _ diagnostics: [Diagnostic], rules: [RuleDescriptor], toolVersion: String
    ) -> JSONValue {
        var catalog = rules
        for diagnostic in diagnostics where !catalog.contains(where: { $0.id == diagnostic.id }) {
            catalog.append(
                RuleDescriptor(
                    id: diagnostic.id, name: diagnostic.id, summary: diagnostic.message,
                    explanation: diagnostic.message, defaultSeverity: diagnostic.severity))
        }
        let index = Dictionary(
            catalog.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        let driver: JSONValue = .object([
            ("name", "ikec"),
            ("version", .string(toolVersion)),
            ("informationUri", "https://example.invalid/ikec"),
            ("rules", .array(catalog.map(rule))),
        ])
        let run: JSONValue = .object([
            ("tool", .object([("driver", driver)])),
            ("results", .array(diagnostics.map { result($0, ruleIndex: index[$0.id] ?? 0) })),
        ])
        return .object([
            ("$schema", "https://json.schemastore.org/sarif-2.1.0.json"),
            ("version", "2.1.0"),
            ("runs", .array([run])),
        ])
    }

    static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: return "error"
        case .warning: return "warning"
        case .note: return "note"
        }
    }

    private static func rule(_ descriptor: RuleDescriptor) -> JSONValue {
        .object([
            ("id", .string(descriptor.id)),
            ("name", .string(descriptor.name)),
            ("shortDescription", .object([("text", .string(descriptor.summary))])),
            ("fullDescription", .object([("text", .string(descriptor.explanation))])),
            ("help", .object([("text", .string(descriptor.explanation))])),
            (
                "defaultConfiguration",
                .object([("level", .string(level(descriptor.defaultSeverity)))])
            ),
        ])
    }

    private static func result(_ diagnostic: Diagnostic, ruleIndex: Int) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("ruleId", .string(diagnostic.id)),
            ("ruleIndex", .int(ruleIndex)),
            ("level", .string(level(diagnostic.severity))),
            ("message", .object([("text", .string(fullMessage(diagnostic)))])),
        ]
        if let span = diagnostic.span {
            members.append(("locations", .array([location(span)])))
        }
        let related = diagnostic.notes.compactMap { note -> JSONValue? in
            guard let span = note.span else { return nil }
            guard case .object(var fields) = location(span) else { return nil }
            fields.append(("message", .object([("text", .string(note.message))])))
            return .object(fields)
        }
        if !related.isEmpty { members.append(("relatedLocations", .array(related))) }
        return .object(members)
    }

    private static func fullMessage(_ diagnostic: Diagnostic) -> String {
        let notes = diagnostic.notes.map { "note: \($0.message)" }
        let fixes = diagnostic.fixIts.map { "help: \($0.message)" }
        return ([diagnostic.message] + notes + fixes).joined(separator: "\n")
    }

    private static func location(_ span: SourceSpan) -> JSONValue {
        let endColumn = max(span.end.column, span.start.column + 1)
        return .object([
            (
                "physicalLocation",
                .object([
                    ("artifactLocation", .object([("uri", .string(uri(span.path)))])),
                    (
                        "region",
                        .object([
                            ("startLine", .int(span.start.line)),
                            ("startColumn", .int(span.start.column)),
                            ("endLine", .int(max(span.end.line, span.start.line))),
                            ("endColumn", .int(endColumn)),
                        ])
                    ),
                ])
            )
        ])
    }

    /// A relative URI for a path: `./` dropped, spaces and percent signs escaped.
    static func uri(_ path: String) -> String {
        var trimmed = Substring(path)
        while trimmed.hasPrefix("./") { trimmed = trimmed.dropFirst(2) }
        var out = ""
        for scalar in trimmed.unicodeScalars {
            switch scalar {
            case " ": out += "%20"
            case "%": out += "%25"
            case "#": out += "%23"
            case "?": out += "%3F"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

/// Diagnostics as GitHub Actions workflow commands (`::error file=...,line=...::message`).
public enum GitHubRenderer {
    /// One command line per diagnostic.
    public static func render(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.map(command).map { $0 + "\n" }.joined()
    }

    static func command(_ diagnostic: Diagnostic) -> String {
        let kind: String
        switch diagnostic.severity {
        case .error: kind = "error"
        case .warning: kind = "warning"
        case .note: kind = "notice"
        }
        var properties: [String] = []
        if let span = diagnostic.span {
            properties.append("file=\(escapeProperty(span.path))")
            properties.append("line=\(span.start.line)")
            properties.append("col=\(span.start.column)")
            if span.end.line > span.start.line { properties.append("endLine=\(span.end.line)") }
            if span.end.line == span.start.line, span.end.column > span.start.column {
                properties.append("endColumn=\(span.end.column)")
            }
        }
        properties.append("title=\(escapeProperty("ikec \(diagnostic.id)"))")
        let notes = diagnostic.notes.map { "note: \($0.message)" }
        let fixes = diagnostic.fixIts.map { "help: \($0.message)" }
        let message = ([diagnostic.message] + notes + fixes).joined(separator: "\n")
        return "::\(kind) \(properties.joined(separator: ","))::\(escapeData(message))"
    }

    /// Escapes a command's message (`%`, CR, LF).
    static func escapeData(_ text: String) -> String {
        text.replacingAll(["%": "%25", "\r": "%0D", "\n": "%0A"])
    }

    /// Escapes a property value (also `:` and `,`).
    static func escapeProperty(_ text: String) -> String {
        text.replacingAll(["%": "%25", "\r": "%0D", "\n": "%0A", ":": "%3A", ",": "%2C"])
    }
}

extension String {
    fileprivate func replacingAll(_ table: [Character: String]) -> String {
        var out = ""
        for character in self {
            if let replacement = table[character] {
                out += replacement
            } else {
                out.append(character)
            }
        }
        return out
    }
}
