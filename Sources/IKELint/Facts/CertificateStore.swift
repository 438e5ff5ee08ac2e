import IKECore
import IKECrypto
import IKEPolicy

/// Certificates read once per lint run. A file that does not hold a certificate is
/// remembered as such (the rules then say nothing; the planner reports unreadable
/// credentials when it uses them).
final class CertificateStore {
    private var loaded: [String: Certificate?] = [:]

    /// The first certificate in the referenced file, or nil.
    func certificate(_ reference: FileReference) -> Certificate? {
        if let known = loaded[reference.resolvedPath] { return known }
        let certificate = Self.read(reference.resolvedPath)
        loaded[reference.resolvedPath] = certificate
        return certificate
    }

    private static func read(_ path: String) -> Certificate? {
        guard let bytes = FileBytes.read(path, limit: 1 << 20) else { return nil }
        return (try? Certificate.load(bytes))?.first
    }
}
