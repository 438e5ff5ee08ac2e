import IKEPolicy

/// Gives each credential file a name inside the folder the daemon reads it from, and
/// remembers the links the output folder needs. The same file always gets the same name;
/// two files with one base name get `-2`, `-3`... before the extension.
struct CredentialLayout {
    private(set) var links: [CredentialLink] = []
    private(set) var files: [CredentialFile] = []
    /// The names of the files split out of each certificate file, by resolved path: every
    /// file is read once, however many peers name it.
    private var splitNames: [String: [String]] = [:]

    /// The name of `file` inside `folder` (`x509`, `x509ca`, `private`, `pubkey`), adding
    /// the link on first use.
    mutating func name(for file: FileReference, in folder: String) -> String {
        if let existing = links.first(where: {
            $0.destination == file.resolvedPath && $0.path.hasPrefix(folder + "/")
        }) {
            return String(existing.path.dropFirst(folder.count + 1))
        }
        let candidate = freeName(Self.baseName(file.resolvedPath), in: folder)
        links.append(
            CredentialLink(
                path: folder + "/" + candidate, destination: file.resolvedPath,
                written: file.written))
        return candidate
    }

    /// The names of every certificate of `file`: its link in `folder` for the first (all
    /// that swanctl reads of it), then a file of its own in `othersFolder` for each further
    /// certificate of a PEM file that holds several.
    mutating func certificateNames(
        for file: FileReference, in folder: String, othersIn othersFolder: String
    ) -> [String] {
        let first = name(for: file, in: folder)
        if let known = splitNames[file.resolvedPath] { return [first] + known }

        let blocks = PEMCertificates.blocks(inFileAt: file.resolvedPath)
        let base = Self.baseName(file.resolvedPath)
        var others: [String] = []
        for (index, block) in blocks.enumerated().dropFirst() {
            let name = freeName(Self.numbered(base, index + 1), in: othersFolder)
            let origin =
                "\(CredentialFile.marker) certificate \(index + 1) of \(blocks.count) in "
                + "\(file.written), which swanctl would not load from there"
            files.append(
                CredentialFile(
                    path: othersFolder + "/" + name, contents: origin + "\n" + block,
                    position: index + 1, written: file.written))
            others.append(name)
        }
        splitNames[file.resolvedPath] = others
        return [first] + others
    }

    /// `base`, or `base` numbered from 2, whichever is not yet taken in `folder`.
    private func freeName(_ base: String, in folder: String) -> String {
        var candidate = base
        var counter = 2
        while links.contains(where: { $0.path == folder + "/" + candidate })
            || files.contains(where: { $0.path == folder + "/" + candidate })
        {
            candidate = Self.numbered(base, counter)
            counter += 1
        }
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
