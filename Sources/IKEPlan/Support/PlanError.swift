import IKEDiagnostics

/// The one error type of IKEPlan: a stable code and the diagnostics that explain it (with
/// the policy spans they concern), so the command line can render them like any checker
/// or lint finding.
///
/// Nothing secret ever enters a plan error: problems with pre-shared keys name the
/// variable or file, and problems with keys and certificates name the file.
public struct PlanError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong, stable across releases.
    public enum Code: String, Sendable, Hashable, CaseIterable {
        /// One policy has no peer entry for the other's gateway.
        case pairingMissing = "pairing-missing"
        /// One policy has several equally good peer entries for the other's gateway.
        case pairingAmbiguous = "pairing-ambiguous"
        /// A policy could not be turned into an engine configuration: a secret, a key, a
        /// certificate or an address could not be used.
        case translationFailed = "translation-failed"
    }

    /// The code.
    public let code: Code
    /// The diagnostics, at least one, errors first.
    public let diagnostics: [Diagnostic]

    /// An error with its diagnostics.
    public init(_ code: Code, diagnostics: [Diagnostic]) {
        precondition(!diagnostics.isEmpty, "a plan error explains itself with a diagnostic")
        self.code = code
        self.diagnostics = diagnostics
    }

    /// `code: first message`.
    public var description: String {
        "\(code.rawValue): \(diagnostics.first?.message ?? "")"
    }
}
