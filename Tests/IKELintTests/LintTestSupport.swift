import Foundation
import IKEDiagnostics
import IKELint
import IKEPolicy
import Testing

/// Fixture loading and golden-file comparison for the lint tests.
enum LintTestSupport {
    /// `Tests/IKELintTests/Fixtures`.
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    /// The instant lint runs are judged at unless a fixture says otherwise: the demo
    /// certificates are valid then.
    static let defaultNow = date("2027-06-01")

    /// Midnight UTC of a `YYYY-MM-DD` date.
    static func date(_ text: String) -> Date {
        let parts = text.split(separator: "-").compactMap { Int($0) }
        var components = DateComponents()
        components.year = parts[0]
        components.month = parts[1]
        components.day = parts[2]
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar.date(from: components)!
    }

    /// Loads `name` from `folder` with its path shown as `name`, and references resolved in
    /// the folder. Files named like a secret get fixed modes first: `readable*` 0644,
    /// other `.psk` and `.key` files 0600, so results do not depend on the checkout's umask.
    static func load(_ name: String, in folder: URL) -> PolicyLoadResult {
        fixModes(in: folder)
        fixModes(in: fixtures.appendingPathComponent("rules/shared"))
        let url = folder.appendingPathComponent(name)
        let bytes = (try? Data(contentsOf: url)).map { [UInt8]($0) } ?? []
        return PolicyLoader.load(bytes: bytes, path: name, baseDirectory: folder.path)
    }

    private static func fixModes(in folder: URL) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        for name in names where name.hasSuffix(".psk") || name.hasSuffix(".key") {
            let mode: Int = name.hasPrefix("readable") ? 0o644 : 0o600
            try? FileManager.default.setAttributes(
                [.posixPermissions: mode], ofItemAtPath: folder.appendingPathComponent(name).path)
        }
    }

    /// Renders diagnostics as `ikec lint` does, without colour.
    static func render(_ diagnostics: [Diagnostic], files: [SourceFile]) -> String {
        let renderer = TextRenderer(files: files)
        return diagnostics.map { renderer.render($0) + "\n" }.joined()
    }

    /// Compares `actual` with the golden file `url`. With `IKEC_RECORD=1` in the
    /// environment the file is written instead and the test still fails, so a recording
    /// run can never pass unnoticed.
    static func expectGolden(
        _ actual: String, _ url: URL, sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) {
        if ProcessInfo.processInfo.environment["IKEC_RECORD"] == "1" {
            try? actual.write(to: url, atomically: true, encoding: .utf8)
            Issue.record(
                "recorded \(url.lastPathComponent); review it and run again",
                sourceLocation: sourceLocation)
            return
        }
        let expected = (try? String(contentsOf: url, encoding: .utf8))
        #expect(expected != nil, "missing golden file \(url.path)", sourceLocation: sourceLocation)
        #expect(
            actual == expected, "differs from \(url.lastPathComponent)",
            sourceLocation: sourceLocation)
    }
}
