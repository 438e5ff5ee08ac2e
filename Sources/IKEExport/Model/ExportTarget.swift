/// The daemon configuration `ikec compile` can produce.
public enum ExportTarget: String, Sendable, Hashable, CaseIterable {
    /// strongSwan 5.9: `swanctl.conf` plus `secrets.conf`.
    case swanctl
    /// Libreswan 4.10: `ipsec.conf` plus `ipsec.secrets`.
    case libreswan

    /// The name of the configuration file the target's daemon reads.
    public var configurationFileName: String {
        switch self {
        case .swanctl: return "swanctl.conf"
        case .libreswan: return "ipsec.conf"
        }
    }

    /// The name of the separate secrets file (mode 0600).
    public var secretsFileName: String {
        switch self {
        case .swanctl: return "secrets.conf"
        case .libreswan: return "ipsec.secrets"
        }
    }
}
