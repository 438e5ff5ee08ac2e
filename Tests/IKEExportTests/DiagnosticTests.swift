import Foundation
import IKEDiagnostics
import IKEPolicy
import Testing

@testable import IKEExport

/// Every "cannot express" diagnostic, compared as `ikec compile` renders it. The expected
/// texts are in Fixtures next to the policies that provoke them.
struct DiagnosticTests {
    static let cases = [
        ("inexpressible-v1", ExportTarget.swanctl), ("inexpressible-v2", .swanctl),
        ("inexpressible-v1", .libreswan), ("inexpressible-v2", .libreswan),
    ]

    @Test(arguments: cases)
    func renderedDiagnosticsMatchTheFixture(_ name: String, _ target: ExportTarget) throws {
        let text = try String(
            contentsOf: ExportTestSupport.fixtures.appendingPathComponent(name + ".yaml"),
            encoding: .utf8)
        let policy = try ExportTestSupport.policy(text, path: name + ".yaml")
        let config = ConfigExporter.compile(policy, target: target)
        let expected = try String(
            contentsOf: ExportTestSupport.fixtures.appendingPathComponent(
                "\(name).\(target.rawValue).txt"), encoding: .utf8)
        #expect(ExportTestSupport.rendered(config, policy: policy) == expected)
        #expect(config.hasErrors == expected.contains("error["))
    }

    @Test func everyIDHasADescriptorInTheCatalog() {
        let catalog = ExportDiagnosticID.catalog
        #expect(catalog.count == ExportDiagnosticID.allCases.count)
        #expect(Set(catalog.map(\.id)).count == catalog.count)
        #expect(catalog.allSatisfy { !$0.name.isEmpty && !$0.summary.isEmpty })
        #expect(ExportDiagnosticID.lifetimeCheck.severity == .error)
        #expect(ExportDiagnosticID.proposalOrder.severity == .warning)
        #expect(ExportDiagnosticID.renamedSection.severity == .note)
    }
}
