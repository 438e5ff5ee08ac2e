import IKEDiagnostics
import Testing

@Suite struct RenderingTests {
    let file = SourceFile(
        path: "hq.yaml",
        text: "ikec: 1\npeers:\n  branch:\n    proposals: [aes256gcm61-prfsha384]\n")

    var diagnostic: Diagnostic {
        Diagnostic(
            id: "E0301", severity: .error, message: "unknown algorithm 'aes256gcm61'",
            span: SourceSpan(
                path: "hq.yaml", start: SourceLocation(line: 4, column: 17),
                end: SourceLocation(line: 4, column: 28)),
            notes: [DiagnosticNote("did you mean 'aes256gcm16'?")])
    }

    @Test func textShowsTheLineAndACaretUnderTheSpan() {
        let text = TextRenderer(files: [file]).render([diagnostic])
        let expected = """
            hq.yaml:4:17: error[E0301]: unknown algorithm 'aes256gcm61'
              |
            4 |     proposals: [aes256gcm61-prfsha384]
              |                 ^~~~~~~~~~~
              = note: did you mean 'aes256gcm16'?

            1 error

            """
        #expect(text == expected)
    }

    @Test func colourAppearsOnlyWhenAskedFor() {
        #expect(!TextRenderer(files: [file]).render(diagnostic).contains("\u{1B}["))
        #expect(TextRenderer(files: [file], colour: true).render(diagnostic).contains("\u{1B}["))
    }

    @Test func githubCommandsEscapeNewlinesAndSeparators() {
        var d = diagnostic
        d.span?.path = "dir,with:odd.yaml"
        let line = GitHubRenderer.render([d])
        #expect(line.hasPrefix("::error file=dir%2Cwith%3Aodd.yaml,line=4,col=17,endColumn=28,"))
        #expect(line.contains("::unknown algorithm 'aes256gcm61'%0Anote: did you mean"))
        #expect(line.hasSuffix("\n"))
    }

    @Test func sarifHasTheFieldsCodeScanningRequires() {
        let rule = RuleDescriptor(
            id: "E0301", name: "unknown-algorithm", summary: "unknown algorithm",
            explanation: "the name is not in the registry", defaultSeverity: .error)
        let log = SARIFRenderer.render([diagnostic], rules: [rule], toolVersion: "0.1.0")
        #expect(log["version"] == "2.1.0")
        guard case .array(let runs)? = log["runs"], case .array(let results)? = runs[0]["results"]
        else {
            Issue.record("runs or results missing")
            return
        }
        #expect(results[0]["ruleId"] == "E0301")
        #expect(results[0]["level"] == "error")
        let text = log.serialized()
        #expect(text.contains("\"startLine\": 4"))
        #expect(text.contains("\"uri\": \"hq.yaml\""))
    }

    @Test func jsonEscapesControlCharacters() {
        let value: JSONValue = .object([("a", "x\"y\n\u{01}"), ("b", [1, true, .null])])
        #expect(value.serialized(pretty: false) == #"{"a":"x\"y\n\u0001","b":[1,true,null]}"#)
    }

    @Test func suggestionsFindPlausibleTyposOnly() {
        let names = ["aes256gcm16", "aes128", "modp2048"]
        #expect(Suggestions.closest(to: "aes256gcm61", among: names) == "aes256gcm16")
        #expect(Suggestions.closest(to: "modp2084", among: names) == "modp2048")
        #expect(Suggestions.closest(to: "blowfish", among: names) == nil)
    }
}
