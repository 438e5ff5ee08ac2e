import CYAML
import IKEDiagnostics

/// libyaml's error report as one of our diagnostics: its problem text in our style
/// (lowercase, no final period, a hint where a common mistake causes it) at the problem's
/// place, and its context ("while parsing a block mapping") as a note at the context's.
enum LibYAMLError {
    static func diagnostic(_ parser: yaml_parser_t, path: String) -> Diagnostic {
        let problem = parser.problem.map { String(cString: $0) } ?? "unknown error"
        let place = TreeBuilder.location(parser.problem_mark)
        var notes: [DiagnosticNote] = []
        if let context = parser.context.map({ String(cString: $0) }) {
            let contextPlace = TreeBuilder.location(parser.context_mark)
            notes.append(
                DiagnosticNote(
                    contextNote(context),
                    at: SourceSpan(path: path, start: contextPlace, end: contextPlace)))
        }
        let (message, hint) = rewrite(problem)
        if let hint { notes.append(DiagnosticNote(hint)) }
        return Diagnostic(
            id: PolicyDiagnosticID.yamlSyntax.rawValue, severity: .error, message: message,
            span: SourceSpan(path: path, start: place, end: place), notes: notes)
    }

    /// Our wording of libyaml's problem, and a hint for the usual cause.
    static func rewrite(_ problem: String) -> (String, String?) {
        switch problem {
        case "mapping values are not allowed in this context":
            return (
                "unexpected ':' in a value",
                "quote the value if it contains ': ', or check the indentation"
            )
        case "did not find expected key":
            return ("expected a key here", "check that this line is indented like its siblings")
        case "could not find expected ':'":
            return ("expected ':' after a key", nil)
        case "found character that cannot start any token":
            return ("this character cannot start a value", "quote the value")
        case "did not find expected node content":
            return ("expected a value here", nil)
        case "found unexpected end of stream":
            return ("the file ends inside a quoted value", "close the quote")
        case "did not find expected '-' indicator":
            return ("expected a list item ('- ') here", "check the indentation")
        case "did not find expected ',' or ']'":
            return ("expected ',' or ']' in a '[...]' list", nil)
        case "did not find expected ',' or '}'":
            return ("expected ',' or '}' in a '{...}' mapping", nil)
        default:
            return (ourStyle(problem), nil)
        }
    }

    static func contextNote(_ context: String) -> String {
        switch context {
        case "while parsing a block mapping": return "in the mapping that starts here"
        case "while parsing a block collection": return "in the list that starts here"
        case "while parsing a flow sequence": return "in the '[' list that starts here"
        case "while parsing a flow mapping": return "in the '{' mapping that starts here"
        case "while scanning a quoted scalar": return "in the quoted value that starts here"
        case "while scanning a simple key": return "in the key that starts here"
        default:
            let trimmed = context.hasPrefix("while ") ? String(context.dropFirst(6)) : context
            return ourStyle(trimmed)
        }
    }

    /// Lowercase first letter, no final period.
    static func ourStyle(_ text: String) -> String {
        var out = text
        if out.hasSuffix(".") { out.removeLast() }
        guard let first = out.first else { return out }
        return first.lowercased() + out.dropFirst()
    }
}
