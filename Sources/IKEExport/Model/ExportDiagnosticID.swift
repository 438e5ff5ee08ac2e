import IKEDiagnostics

/// Every diagnostic the exporters emit, by stable id: X00xx for both targets, X01xx for
/// strongSwan's swanctl.conf, X02xx for Libreswan's ipsec.conf.
///
/// Each marks a place where the policy cannot be said in the target's language, or only
/// approximately. An error means the daemon would behave differently from the policy, so
/// nothing is written; a warning means the difference needs a setting outside the
/// connection (strongswan.conf) or is one of degree; a note only informs.
public enum ExportDiagnosticID: String, Sendable, Hashable, CaseIterable {
    /// A pre-shared key could not be read when the secrets file was written.
    case secretUnavailable = "X0001"
    /// A peer or phase 2 name was changed to fit the target's syntax.
    case renamedSection = "X0002"
    /// Two names became the same after renaming.
    case nameCollision = "X0003"
    /// IKEv1 authentication by RSA encryption, which the daemon does not implement.
    case rsaEncryption = "X0004"
    /// An IKEv1 lifetime check other than `accept`.
    case lifetimeCheck = "X0005"
    /// `proposal-order: theirs`, which the daemon cannot set per connection.
    case proposalOrder = "X0006"
    /// An IKEv1 ISAKMP SA byte lifetime, which the daemon does not enforce.
    case ikeByteLifetime = "X0007"
    /// More than one selector on a side where the daemon negotiates one pair per SA.
    case selectorPairs = "X0008"
    /// NULL authentication, which swanctl 5.9 cannot configure.
    case nullAuth = "X0101"
    /// An IKEv2 classic signature method; strongSwan prefers RFC 7427 signatures.
    case classicSignature = "X0102"
    /// Aggressive mode with a pre-shared key, refused by charon unless strongswan.conf
    /// allows it.
    case aggressivePSK = "X0103"
    /// A setting Libreswan 4.10 has no equivalent for.
    case unsupportedInLibreswan = "X0201"
    /// A certificate that Libreswan reads from its NSS database, not from a file.
    case nssCertificate = "X0203"

    /// What `ikec explain` and SARIF say about the id.
    public var descriptor: RuleDescriptor {
        let (name, summary, severity) = Self.table[self] ?? ("", "", .error)
        return RuleDescriptor(
            id: rawValue, name: name, summary: summary,
            explanation: summary + ". " + Self.why(severity), defaultSeverity: severity)
    }

    /// The severity the exporters give the id.
    public var severity: Severity { descriptor.defaultSeverity }

    /// The catalog of the exporters' diagnostics.
    public static var catalog: [RuleDescriptor] { allCases.map(\.descriptor) }

    private static func why(_ severity: Severity) -> String {
        switch severity {
        case .error:
            return "The daemon would behave differently from the policy, so ikec writes nothing"
        case .warning:
            return "The daemon needs a setting outside the connection to match the policy"
        case .note: return "The output is faithful; this only says how"
        }
    }

    // swift-format-ignore
    private static let table: [ExportDiagnosticID: (String, String, Severity)] = [
        .secretUnavailable: ("export-secret-unavailable",
            "a pre-shared key cannot be read when the secrets file is written", .error),
        .renamedSection: ("export-renamed-section",
            "a peer or phase 2 name was changed to fit the target's syntax", .note),
        .nameCollision: ("export-name-collision",
            "two names are the same after renaming", .error),
        .rsaEncryption: ("export-rsa-encryption",
            "IKEv1 RSA encryption authentication is not implemented by the daemon", .error),
        .lifetimeCheck: ("export-lifetime-check",
            "the daemon accepts any lifetime an IKEv1 initiator proposes", .error),
        .proposalOrder: ("export-proposal-order",
            "the responder's proposal preference cannot be set per connection", .warning),
        .ikeByteLifetime: ("export-ike-byte-lifetime",
            "the daemon has no byte lifetime for an IKEv1 ISAKMP SA", .error),
        .selectorPairs: ("export-selector-pairs",
            "the daemon negotiates one selector pair per SA here", .error),
        .nullAuth: ("export-null-auth",
            "swanctl.conf 5.9 cannot configure NULL authentication", .error),
        .classicSignature: ("export-classic-signature",
            "strongSwan signs with RFC 7427 digital signatures when the peer supports them",
            .warning),
        .aggressivePSK: ("export-aggressive-psk",
            "charon refuses aggressive mode with a pre-shared key unless strongswan.conf allows it",
            .warning),
        .unsupportedInLibreswan: ("export-unsupported-in-libreswan",
            "Libreswan 4.10 has no equivalent for this setting", .error),
        .nssCertificate: ("export-nss-certificate",
            "Libreswan reads certificates from its NSS database, not from files", .note),
    ]
}

/// Collects the diagnostics of one export.
struct ExportDiagnostics {
    private(set) var all: [Diagnostic] = []

    /// Adds a diagnostic with the id's severity.
    mutating func add(
        _ id: ExportDiagnosticID, _ message: String, at span: SourceSpan?,
        notes: [DiagnosticNote] = []
    ) {
        all.append(
            Diagnostic(
                id: id.rawValue, severity: id.severity, message: message, span: span,
                notes: notes))
    }

    /// Adds everything `other` collected.
    mutating func merge(_ other: ExportDiagnostics) { all += other.all }
}
