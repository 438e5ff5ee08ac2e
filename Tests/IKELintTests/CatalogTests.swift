import IKEDiagnostics
import IKEPolicy
import Testing

@testable import IKELint

/// The rule catalog: stable, unique, well-formed ids and names, and text for `explain`.
@Suite struct CatalogTests {
    @Test func thereAreAtLeastTwentyFiveRules() {
        #expect(LintRules.catalog.count >= 25)
    }

    @Test func idsAndNamesAreUniqueAndWellFormed() {
        let ids = LintRules.catalog.map(\.id)
        let names = LintRules.catalog.map(\.name)
        #expect(Set(ids).count == ids.count)
        #expect(Set(names).count == names.count)
        for rule in LintRules.catalog {
            #expect(rule.id.hasPrefix("IKE-L") && rule.id.count == 8, "\(rule.id)")
            #expect(
                rule.name.allSatisfy { $0.isLowercase || $0.isNumber || $0 == "-" }, "\(rule.name)")
            #expect(!rule.summary.isEmpty && !rule.summary.hasSuffix("."), "\(rule.name)")
            #expect(rule.explanation.count > 200, "\(rule.name) needs a full explanation")
        }
    }

    @Test func idsAreInCatalogOrder() {
        let ids = LintRules.catalog.map(\.id)
        #expect(ids == ids.sorted())
    }

    @Test func lintNamesDoNotCollideWithCheckerNames() {
        let checker = Set(PolicyDiagnostics.catalog.flatMap { [$0.id, $0.name] })
        for rule in LintRules.catalog {
            #expect(!checker.contains(rule.name) && !checker.contains(rule.id), "\(rule.name)")
        }
    }

    @Test func descriptorLookupTakesIdOrName() {
        #expect(LintRules.descriptor(for: "IKE-L004")?.name == "weak-dh-group")
        #expect(LintRules.descriptor(for: "weak-dh-group")?.id == "IKE-L004")
        #expect(LintRules.descriptor(for: "nothing") == nil)
    }
}
