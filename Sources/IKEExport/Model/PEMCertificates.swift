import IKECore

/// The certificates of a PEM file that holds several: a certificate with its chain, or a
/// bundle of CA certificates. swanctl loads only the first certificate of each file in its
/// folders, so the exporter gives every further one a file of its own.
enum PEMCertificates {
    /// The first line of a certificate block (RFC 7468 section 2).
    static let begin = "-----BEGIN CERTIFICATE-----"
    /// The last line of a certificate block.
    static let end = "-----END CERTIFICATE-----"

    /// Each certificate block of the file at `path`, from its BEGIN line to its END line
    /// with a final line end. Empty when the file cannot be read, is not text, or holds no
    /// PEM certificate (a DER file, for instance).
    static func blocks(inFileAt path: String) -> [String] {
        // A certificate file is small; anything over 1 MiB or not UTF-8 is not one.
        guard let bytes = FileBytes.read(path, limit: 1 << 20),
            let text = String(validating: bytes, as: UTF8.self)
        else { return [] }
        var blocks: [String] = []
        var current: [Substring]?
        for line in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            let trimmed = line.trimmingSuffix(while: { $0 == " " || $0 == "\t" })
            if trimmed == begin {
                current = [trimmed]
            } else if trimmed == end, var lines = current {
                lines.append(trimmed)
                blocks.append(lines.joined(separator: "\n") + "\n")
                current = nil
            } else if current != nil {
                current?.append(trimmed)
            }
        }
        return blocks
    }
}

extension Substring {
    fileprivate func trimmingSuffix(while predicate: (Character) -> Bool) -> Substring {
        var result = self
        while let last = result.last, predicate(last) { result = result.dropLast() }
        return result
    }
}
