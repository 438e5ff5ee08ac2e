import IKEPolicy

/// Compiles a checked policy into Libreswan 4.10's ipsec.conf(5).
public enum LibreswanExporter {
    /// The ipsec.conf for `policy`.
    public static func compile(_ policy: CheckedPolicy) -> CompiledConfig {
        CompiledConfig(
            target: .libreswan, configuration: "", secrets: [], links: [], diagnostics: [])
    }
}
