import IKEPolicy

/// The entry point of IKEExport: a checked policy as one daemon's configuration.
public enum ConfigExporter {
    /// Compiles `policy` for `target`. The result's configuration never holds a secret;
    /// `SecretsFile.render` reads the keys when the secrets file is written.
    public static func compile(_ policy: CheckedPolicy, target: ExportTarget) -> CompiledConfig {
        switch target {
        case .swanctl: return SwanctlExporter.compile(policy)
        case .libreswan: return LibreswanExporter.compile(policy)
        }
    }
}
