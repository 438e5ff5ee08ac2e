import Foundation

/// Whole-file reads for the live commands' credentials.
enum FileBytes {
    /// The file's octets, or nil when it cannot be read.
    static func read(_ path: String) -> [UInt8]? {
        FileManager.default.contents(atPath: path).map { [UInt8]($0) }
    }
}
