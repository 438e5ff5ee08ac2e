import IKECore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes a compiled configuration into a folder, all or nothing: every file is first
/// written beside its final name (the secrets file created mode 0600 from the start, never
/// wider), and only when all of them and all credential links are ready are they renamed
/// into place. A failure before that leaves the folder as it was.
public enum OutputFolder {
    /// Writes `config`'s configuration file, its secrets file and its credential links
    /// into `folder`, creating the folder (and swanctl's credential folders) if needed.
    /// Returns the paths written, configuration file first.
    @discardableResult
    public static func write(_ config: CompiledConfig, secrets: SecretBytes, to folder: String)
        throws(ExportError) -> [String]
    {
        guard !config.hasErrors else {
            throw ExportError(.hasErrors, "the configuration has errors; nothing was written")
        }
        try makeFolder(folder)
        for link in config.links {
            let path = join(folder, link.path)
            try makeFolder(parent(of: path))
            try checkReplaceable(path)
        }
        for file in config.files {
            let path = join(folder, file.path)
            try makeFolder(parent(of: path))
            try checkReplaceable(path, orWrittenWith: CredentialFile.marker)
        }

        // Stage everything next to its final name.
        var staged: [(temporary: String, final: String)] = []
        do {
            let configPath = join(folder, config.target.configurationFileName)
            staged.append(
                (
                    try stage(Array(config.configuration.utf8), mode: 0o644, for: configPath),
                    configPath
                ))
            let secretsPath = join(folder, config.target.secretsFileName)
            let result = secrets.withUnsafeBytes { raw in
                Result { () throws(ExportError) in try stage(raw, mode: 0o600, for: secretsPath) }
            }
            staged.append((try result.get(), secretsPath))
            for link in config.links {
                let path = join(folder, link.path)
                staged.append((try stageLink(to: link.destination, for: path), path))
            }
            for file in config.files {
                let path = join(folder, file.path)
                staged.append((try stage(Array(file.contents.utf8), mode: 0o644, for: path), path))
            }
        } catch {
            for item in staged { unlink(item.temporary) }
            throw error
        }

        // Move into place.
        for item in staged where rename(item.temporary, item.final) != 0 {
            let reason = String(cString: strerror(errno))
            for leftover in staged { unlink(leftover.temporary) }
            throw ExportError(.writeFailed, "cannot move '\(item.final)' into place: \(reason)")
        }
        return staged.map(\.final)
    }

    private static func stage(
        _ bytes: some Collection<UInt8>, mode: mode_t, for path: String
    ) throws(ExportError) -> String {
        var template = Array((parent(of: path) + "/.ikec-XXXXXX").utf8CString)
        // mkstemp creates the file mode 0600, so a secret is never readable by others.
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else {
            throw ExportError(.writeFailed, "cannot create a file next to '\(path)': \(reason())")
        }
        let temporary = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        let contents = Array(bytes)
        var written = 0
        var failed = fchmod(descriptor, mode) != 0
        while !failed && written < contents.count {
            let count = contents[written...].withUnsafeBytes {
                Glibc.write(descriptor, $0.baseAddress, $0.count)
            }
            if count <= 0 { failed = true } else { written += count }
        }
        if !failed { failed = fsync(descriptor) != 0 }
        close(descriptor)
        guard !failed else {
            let why = reason()
            unlink(temporary)
            throw ExportError(.writeFailed, "cannot write '\(path)': \(why)")
        }
        return temporary
    }

    private static func stageLink(to destination: String, for path: String) throws(ExportError)
        -> String
    {
        let temporary = parent(of: path) + "/.ikec-link-\(getpid())-" + baseName(path)
        unlink(temporary)
        guard symlink(destination, temporary) == 0 else {
            throw ExportError(.writeFailed, "cannot link '\(path)': \(reason())")
        }
        return temporary
    }

    /// A credential link may replace an earlier link, never a real file; a credential file
    /// may also replace a file that starts with `marker` (one an earlier run wrote).
    private static func checkReplaceable(_ path: String, orWrittenWith marker: String? = nil)
        throws(ExportError)
    {
        var status = stat()
        guard lstat(path, &status) == 0 else { return }
        if (status.st_mode & S_IFMT) == S_IFLNK { return }
        if let marker, (status.st_mode & S_IFMT) == S_IFREG,
            FileBytes.read(path, limit: 1 << 20)?.starts(with: marker.utf8) == true
        {
            return
        }
        let what = marker == nil ? "a link" : "a link or a file ikec wrote"
        throw ExportError(
            .linkConflict, "'\(path)' exists and is not \(what); ikec will not replace it")
    }

    private static func makeFolder(_ path: String) throws(ExportError) {
        var status = stat()
        if stat(path, &status) == 0 {
            guard (status.st_mode & S_IFMT) == S_IFDIR else {
                throw ExportError(.outputFolder, "'\(path)' exists and is not a folder")
            }
            return
        }
        let parentPath = parent(of: path)
        if parentPath != path && !parentPath.isEmpty { try makeFolder(parentPath) }
        guard mkdir(path, 0o755) == 0 || errno == EEXIST else {
            throw ExportError(.outputFolder, "cannot create '\(path)': \(reason())")
        }
    }

    private static func join(_ folder: String, _ name: String) -> String {
        folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }

    private static func parent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    private static func baseName(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }

    private static func reason() -> String { String(cString: strerror(errno)) }
}
