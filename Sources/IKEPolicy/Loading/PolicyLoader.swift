import Foundation
import IKEDiagnostics

/// Reads, parses and checks policy files: the front end every command starts with.
public enum PolicyLoader {
    /// The display path of standard input.
    public static let standardInputPath = "<stdin>"

    /// Loads the file at `path`; `-` reads standard input (shown as `<stdin>`, with file
    /// references resolved against the working directory).
    public static func load(path: String) -> PolicyLoadResult {
        let cwd = FileManager.default.currentDirectoryPath
        if path == "-" {
            let data = FileHandle.standardInput.readDataToEndOfFile()
            return load(bytes: [UInt8](data), path: standardInputPath, baseDirectory: cwd)
        }
        let url = URL(
            fileURLWithPath: path, relativeTo: URL(fileURLWithPath: cwd, isDirectory: true))
        let base = url.deletingLastPathComponent().standardizedFileURL.path
        switch FileReader.read(url.standardizedFileURL.path) {
        case .success(let bytes):
            return load(bytes: bytes, path: path, baseDirectory: base)
        case .failure(let reason):
            return PolicyLoadResult(
                source: nil, policy: nil, diagnostics: [],
                readError: PolicyReadError(path: path, reason: reason.message))
        }
    }

    /// Checks policy text. `path` is what diagnostics show; `baseDirectory` is where
    /// relative file references are resolved (default: the working directory).
    public static func load(text: String, path: String, baseDirectory: String? = nil)
        -> PolicyLoadResult
    {
        load(bytes: Array(text.utf8), path: path, baseDirectory: baseDirectory)
    }

    /// Checks a policy file's bytes, which need not be valid UTF-8 or even text.
    public static func load(bytes: [UInt8], path: String, baseDirectory: String? = nil)
        -> PolicyLoadResult
    {
        let base = baseDirectory ?? FileManager.default.currentDirectoryPath
        return bytes.withUnsafeBufferPointer { buffer in
            LoadPipeline(path: path, baseDirectory: base).run(buffer)
        }
    }
}

/// Whole-file reads with the reason for a failure in our words.
enum FileReader {
    struct Failure: Error {
        let message: String
    }

    static func read(_ path: String) -> Result<[UInt8], Failure> {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            return .failure(Failure(message: "no such file"))
        }
        if isDirectory.boolValue { return .failure(Failure(message: "it is a folder")) }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            return .failure(Failure(message: "permission denied"))
        }
        defer { try? handle.close() }
        do {
            let data = try handle.readToEnd() ?? Data()
            return .success([UInt8](data))
        } catch {
            return .failure(Failure(message: "the file could not be read"))
        }
    }
}
