import IKECore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where a pre-shared key comes from. The value itself is read only by `resolve()`, and a
/// literal is held as `SecretBytes`, so no description of this type shows a secret.
public struct PresharedKey: Sendable, Hashable, CustomStringConvertible {
    /// The three ways to give a key.
    public enum Source: Sendable, Hashable {
        /// `{ env: NAME }`: the environment variable's value, read at resolve time.
        case environment(String)
        /// `{ file: path }`: the file's content, read at resolve time.
        case file(FileReference)
        /// A literal in the policy, already decoded (`0x` hex and `0s` base64 forms).
        case literal(SecretBytes)
    }

    /// The source.
    public let source: Source

    /// A key from `source`.
    public init(source: Source) { self.source = source }

    /// `env:NAME`, `file:PATH` or `literal (N octets)`: never the value.
    public var description: String {
        switch source {
        case .environment(let name): return "env:\(name)"
        case .file(let file): return "file:\(file.written)"
        case .literal(let secret): return "literal (\(secret.count) octets)"
        }
    }

    /// Whether `resolve()` would succeed now (the variable is set, the file readable and
    /// both hold a well-formed, non-empty key). Lint uses this; it never fails on it
    /// alone, because CI often checks policies without their secrets.
    public var isResolvable: Bool {
        (try? resolve()) != nil
    }

    /// The key's octets. Variables and files hold the same forms as a literal: text taken
    /// as its UTF-8 octets, `0x` followed by hex digits, or `0s` followed by base64. One
    /// trailing line break of a file is ignored.
    public func resolve() throws(PolicyError) -> SecretBytes {
        switch source {
        case .literal(let secret):
            return secret
        case .environment(let name):
            guard let raw = getenv(name) else {
                throw PolicyError(.secretUnavailable, "environment variable '\(name)' is not set")
            }
            return try Self.decode(String(cString: raw), origin: "environment variable '\(name)'")
        case .file(let file):
            let text = try Self.readSecretFile(file)
            return try Self.decode(text, origin: "file '\(file.written)'")
        }
    }

    /// Decodes the text form of a key; the error names `origin`, never the value.
    static func decode(_ text: String, origin: String) throws(PolicyError) -> SecretBytes {
        switch SecretText.decode(text) {
        case .success(let bytes):
            return SecretBytes(bytes)
        case .failure(let problem):
            throw PolicyError(.secretMalformed, "\(origin): \(problem.message)")
        }
    }

    private static func readSecretFile(_ file: FileReference) throws(PolicyError) -> String {
        guard let handle = fopen(file.resolvedPath, "rb") else {
            throw PolicyError(.secretUnavailable, "cannot read '\(file.written)'")
        }
        defer { fclose(handle) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = fread(&chunk, 1, chunk.count, handle)
            if count <= 0 { break }
            bytes.append(contentsOf: chunk[0..<count])
            // A key file is small; a huge one is a mistake, not a key.
            if bytes.count > 1 << 20 {
                throw PolicyError(.secretMalformed, "'\(file.written)' is too large for a key")
            }
        }
        for index in chunk.indices { chunk[index] = 0 }
        if bytes.last == 0x0A { bytes.removeLast() }
        if bytes.last == 0x0D { bytes.removeLast() }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw PolicyError(.secretMalformed, "'\(file.written)' is not UTF-8 text")
        }
        return text
    }
}
