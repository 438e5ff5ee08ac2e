import IKEPolicy

/// Gives each credential file a name inside the folder the daemon reads it from, and
/// remembers the links the output folder needs. The same file always gets the same name;
/// two files with one base name get `-2`, `-3`... before the extension.
struct CredentialLayout {
    private(set) var links: [CredentialLink] = []

    /// The name of `file` inside `folder` (`x509`, `x509ca`, `private`, `pubkey`), adding
    /// the link on first use.
    mutating func name(for file: FileReference, in folder: String) -> String {
        if let existing = links.first(where: {
            $0.destination == file.resolvedPath && $0.path.hasPrefix(folder + "/")
        }) {
            return String(existing.path.dropFirst(folder.count + 1))
        }
        let base = Self.baseName(file.resolvedPath)
        var candidate = base
        var counter = 2
        while links.contains(where: { $0.path == folder + "/" + candidate }) {
            candidate = Self.numbered(base, counter)
            counter += 1
        }
        links.append(
            CredentialLink(
                path: folder + "/" + candidate, destination: file.resolvedPath,
                written: file.written))
        return candidate
    }

    static func baseName(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }

    /// `ca.crt` numbered 2 is `ca-2.crt`.
    static func numbered(_ name: String, _ counter: Int) -> String {
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else {
            return "\(name)-\(counter)"
        }
        return "\(name[..<dot])-\(counter)\(name[dot...])"
    }
}
