/// The version `ikec --version` prints and SARIF logs carry.
public enum IKECVersion {
    /// Semantic version.
    public static let current = "0.1.0"
}
