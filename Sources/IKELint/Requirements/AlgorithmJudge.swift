import IKECore
import IKEDiagnostics
import IKEPolicy

/// What a profile thinks of one algorithm in one place.
struct AlgorithmVerdict: Sendable, Hashable {
    /// The finding's severity.
    let severity: Severity
    /// "must not be used", "is not allowed by the CNSA suite"...
    let phrase: String
    /// Where the requirement comes from, with its level: "RFC 8247 section 3.4 lists
    /// MODP_1024 as SHOULD NOT".
    let reason: String
    /// A keyword that would satisfy the profile in the same place, if there is one.
    let replacement: String?
}

/// Applies the requirement tables for a profile: `default` and `legacy` read RFC 8247,
/// RFC 8221 and RFC 9395 (the strongest row wins); `cnsa` adds RFC 9206's allow-list.
struct AlgorithmJudge: Sendable {
    let profile: LintProfile

    /// Every table row, by algorithm and use, strongest concern first.
    private static let index: [AlgorithmKey: [AlgorithmRequirement]] = {
        let rows =
            RFC8247Requirements.rows + RFC8221Requirements.rows + RFC9395Requirements.rows
        var index: [AlgorithmKey: [AlgorithmRequirement]] = [:]
        for row in rows { index[row.algorithm, default: []].append(row) }
        for key in index.keys {
            index[key]?.sort { $0.level.concern > $1.level.concern }
        }
        return index
    }()

    /// The row that matters most for `transform` used for `use`, if any.
    static func requirement(for transform: Transform, use: AlgorithmUse)
        -> AlgorithmRequirement?
    {
        // Groups are Transform Type 4 wherever they are used: RFC 8247's table covers PFS.
        let tableUse: AlgorithmUse = transform.type == .dhGroup ? .ike : use
        return index[AlgorithmKey(transform)]?.first { $0.uses.contains(tableUse) }
    }

    /// The verdict for `transform` used for `use`; nil when the profile has nothing to say.
    func verdict(for transform: Transform, use: AlgorithmUse) -> AlgorithmVerdict? {
        let row = Self.requirement(for: transform, use: use)
        if profile == .cnsa, !RFC9206Requirements.allows(transform),
            row?.level != .mustNot
        {
            return AlgorithmVerdict(
                severity: .error, phrase: "is not allowed by the CNSA suite",
                reason: "\(RFC9206Requirements.algorithms) allows \(Self.cnsaChoices(transform))",
                replacement: RFC9206Requirements.replacement(for: transform))
        }
        guard let row, let severity = severity(for: row.level) else { return nil }
        return AlgorithmVerdict(
            severity: severity, phrase: row.level.phrase,
            reason: "\(row.citation) lists \(transform.ianaName) as \(row.level.rawValue)",
            replacement: Self.replacement(for: transform, profile: profile))
    }

    /// Default: MUST NOT is an error, SHOULD NOT and Deprecated warnings, MUST- a note.
    /// Legacy: MUST NOT stays an error, SHOULD NOT and Deprecated become notes, MUST- is
    /// accepted. CNSA judges like default for what its allow-list lets through.
    private func severity(for level: RequirementLevel) -> Severity? {
        switch (profile, level) {
        case (_, .mustNot): return .error
        case (.legacy, .shouldNot), (.legacy, .deprecated): return .note
        case (.legacy, .mustMinus): return nil
        case (_, .shouldNot), (_, .deprecated): return .warning
        case (_, .mustMinus): return .note
        case (_, .must), (_, .shouldPlus), (_, .should), (_, .may): return nil
        }
    }

    /// A keyword that fits where `transform` was written: same transform type, same kind
    /// of cipher (AEAD or not), at the level the profile asks.
    static func replacement(for transform: Transform, profile: LintProfile) -> String? {
        if profile == .cnsa { return RFC9206Requirements.replacement(for: transform) }
        switch transform {
        case .encryption(let cipher):
            return cipher.algorithm.info.isAEAD ? "aes256gcm16" : "aes256"
        case .prf: return "prfsha256"
        case .integrity: return "sha256"
        case .dhGroup: return "ecp256"
        case .esn: return nil
        }
    }

    private static func cnsaChoices(_ transform: Transform) -> String {
        switch transform.type {
        case .encryption: return "only AES-256 (GCM with a 16-octet ICV, or CBC)"
        case .prf: return "only PRF_HMAC_SHA2_384"
        case .integrity: return "only AUTH_HMAC_SHA2_384_192"
        case .dhGroup: return "only ECP-384 or MODP groups of 3072 bits or more"
        case .esn: return "either ESN setting"
        }
    }
}
