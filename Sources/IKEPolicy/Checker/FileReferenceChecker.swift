import Foundation
import IKEDiagnostics

extension PolicyChecker {
    /// A path relative to the policy's folder (or absolute), which must name a readable
    /// file. The content is not read: IKECrypto parses keys and certificates later.
    mutating func fileReference(_ node: YAMLNode, for what: String) -> Located<FileReference>? {
        guard let text = string(node, for: what) else { return nil }
        let resolved: String
        if text.value.hasPrefix("/") {
            resolved = URL(fileURLWithPath: text.value).standardizedFileURL.path
        } else {
            let base = URL(fileURLWithPath: baseDirectory, isDirectory: true)
            resolved = URL(fileURLWithPath: text.value, relativeTo: base).standardizedFileURL.path
        }
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: resolved, isDirectory: &isDirectory)
        if !exists {
            error(
                .missingFile, "file '\(text.value)' does not exist", at: text.span,
                notes: [DiagnosticNote("paths are relative to the policy file's folder")])
            return nil
        }
        if isDirectory.boolValue {
            error(.missingFile, "'\(text.value)' is a folder, not a file", at: text.span)
            return nil
        }
        if !FileManager.default.isReadableFile(atPath: resolved) {
            error(
                .missingFile, "file '\(text.value)' cannot be read (permission denied)",
                at: text.span)
            return nil
        }
        return Located(FileReference(written: text.value, resolvedPath: resolved), at: text.span)
    }
}
