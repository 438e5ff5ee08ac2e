import Foundation
import IKECore

/// Known-answer vectors kept as data under Fixtures/: records separated by blank lines, each
/// line `name: value`, `#` starting a comment line. A value is hex unless the name ends in
/// `-text`; a long hex value may continue on following lines that start with spaces.
struct VectorFile {
    /// One record: its fields by name.
    struct Record {
        let fields: [String: String]

        /// The octets of a hex field (whitespace ignored); fails the test if absent or bad.
        func hex(_ name: String) -> [UInt8] {
            guard let text = fields[name], let bytes = [UInt8](hex: text) else {
                preconditionFailure("vector field '\(name)' is missing or not hex")
            }
            return bytes
        }

        /// A text field.
        func text(_ name: String) -> String {
            guard let value = fields[name] else {
                preconditionFailure("vector field '\(name)' is missing")
            }
            return value
        }

        /// Whether a field is present.
        func has(_ name: String) -> Bool { fields[name] != nil }
    }

    let records: [Record]

    /// Reads `Fixtures/<name>` beside this file.
    init(_ name: String) {
        let url = Fixtures.url(name)
        guard let text = try? String(contentsOf: url, encoding: .utf8) else {
            preconditionFailure("cannot read fixture \(url.path)")
        }
        var records: [Record] = []
        var fields: [String: String] = [:]
        var lastName: String?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("#") { continue }
            if line.trimmingCharacters(in: .whitespaces).isEmpty {
                if !fields.isEmpty { records.append(Record(fields: fields)) }
                fields = [:]
                lastName = nil
                continue
            }
            if line.hasPrefix(" "), let name = lastName {
                fields[name, default: ""] += line.trimmingCharacters(in: .whitespaces)
                continue
            }
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = String(line[..<colon]).trimmingCharacters(in: .whitespaces)
            let value = String(line[line.index(after: colon)...])
                .trimmingCharacters(in: .whitespaces)
            fields[name] = value
            lastName = name
        }
        if !fields.isEmpty { records.append(Record(fields: fields)) }
        self.records = records
    }

    /// The records whose `kind` field is `kind`.
    func records(kind: String) -> [Record] {
        records.filter { $0.fields["kind"] == kind }
    }
}

/// Paths of fixtures, found from this source file (not from a bundle).
enum Fixtures {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    static func url(_ name: String) -> URL { directory.appendingPathComponent(name) }

    /// The octets of a fixture file.
    static func bytes(_ name: String) -> [UInt8] {
        guard let data = try? Data(contentsOf: url(name)) else {
            preconditionFailure("cannot read fixture \(name)")
        }
        return Array(data)
    }

    /// The text of a fixture file.
    static func text(_ name: String) -> String {
        String(decoding: bytes(name), as: UTF8.self)
    }
}
