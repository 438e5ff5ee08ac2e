#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes files so that nobody but the owner can ever read them and nobody ever sees one
/// half-written: the octets go to a new temporary file in the target's folder, created
/// with mode 0600 (`O_CREAT | O_EXCL`, then `fchmod` in case of an odd umask), synced,
/// and renamed over the target. Any failure removes the temporary file.
enum SecureFileWriter {
    /// Writes `bytes` to `path` with owner-only permissions.
    static func write(_ bytes: [UInt8], to path: String) throws(CaptureError) {
        let slash = path.lastIndex(of: "/")
        let directory = slash.map { String(path[..<$0]) } ?? "."
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        guard !name.isEmpty, name != ".", name != ".." else {
            throw CaptureError(.invalidInput, "'\(path)' does not name a file")
        }

        let (descriptor, temporary) = try createTemporary(
            in: directory.isEmpty ? "/" : directory, for: name)
        do throws(CaptureError) {
            try writeAll(bytes, to: descriptor, path: temporary)
            guard fsync(descriptor) == 0 else { throw failure("fsync", temporary) }
            guard close(descriptor) == 0 else {
                throw failure("close", temporary)
            }
        } catch {
            _ = close(descriptor)
            _ = unlink(temporary)
            throw error
        }
        guard rename(temporary, path) == 0 else {
            let error = failure("rename into place", path)
            _ = unlink(temporary)
            throw error
        }
    }

    /// Makes `directory` if it does not exist, with mode 0700.
    static func makeDirectory(_ directory: String) throws(CaptureError) {
        if mkdir(directory, 0o700) == 0 { return }
        let code = errno
        var status = stat()
        guard code == EEXIST, stat(directory, &status) == 0,
            status.st_mode & S_IFMT == S_IFDIR
        else {
            throw CaptureError(
                .fileSystem, "cannot create folder '\(directory)': \(describe(code))")
        }
    }

    private static func createTemporary(in directory: String, for name: String)
        throws(CaptureError) -> (Int32, String)
    {
        for _ in 0..<16 {
            let suffix = String(UInt64.random(in: 0...UInt64.max), radix: 36)
            let temporary = "\(directory)/.\(name).\(suffix).tmp"
            let descriptor = open(
                temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o600)
            if descriptor >= 0 {
                guard fchmod(descriptor, 0o600) == 0 else {
                    let error = failure("fchmod", temporary)
                    _ = close(descriptor)
                    _ = unlink(temporary)
                    throw error
                }
                return (descriptor, temporary)
            }
            guard errno == EEXIST else { throw failure("create", temporary) }
        }
        throw CaptureError(.fileSystem, "no free temporary name in '\(directory)'")
    }

    private static func writeAll(_ bytes: [UInt8], to descriptor: Int32, path: String)
        throws(CaptureError)
    {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { buffer in
                Glibc.write(descriptor, buffer.baseAddress! + offset, bytes.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                throw failure("write", path)
            }
            offset += written
        }
    }

    private static func failure(_ action: String, _ path: String) -> CaptureError {
        CaptureError(.fileSystem, "\(action) '\(path)': \(describe(errno))")
    }

    private static func describe(_ code: Int32) -> String {
        guard let text = strerror(code) else { return "errno \(code)" }
        return String(cString: text)
    }
}
