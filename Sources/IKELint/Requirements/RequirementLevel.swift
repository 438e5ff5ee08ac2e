/// A requirement level as the algorithm RFCs write it (RFC 8247 section 1.2, RFC 8221
/// section 2): RFC 2119 keywords plus the "+" and "-" marks that say where a level is
/// heading, and IANA's "Deprecated" status added by RFC 9395.
public enum RequirementLevel: String, Sendable, Hashable, CaseIterable {
    /// MUST.
    case must = "MUST"
    /// SHOULD+: expected to become MUST.
    case shouldPlus = "SHOULD+"
    /// SHOULD.
    case should = "SHOULD"
    /// MAY.
    case may = "MAY"
    /// MUST-: still required, but expected to be demoted.
    case mustMinus = "MUST-"
    /// SHOULD NOT.
    case shouldNot = "SHOULD NOT"
    /// MUST NOT.
    case mustNot = "MUST NOT"
    /// Deprecated in the IANA registry (RFC 9395 section 3).
    case deprecated = "Deprecated"

    /// How much a lint should worry about it, 0 (not at all) to 4 (MUST NOT); used to pick
    /// the strongest of several tables' rows for one algorithm.
    var concern: Int {
        switch self {
        case .must, .shouldPlus, .should, .may: return 0
        case .mustMinus: return 1
        case .deprecated: return 2
        case .shouldNot: return 3
        case .mustNot: return 4
        }
    }

    /// The phrase used in a finding: "must not be used", "should not be used"...
    var phrase: String {
        switch self {
        case .mustNot: return "must not be used"
        case .shouldNot: return "should not be used"
        case .deprecated: return "is deprecated"
        case .mustMinus: return "is being phased out"
        case .must, .shouldPlus, .should, .may: return "is acceptable"
        }
    }
}
