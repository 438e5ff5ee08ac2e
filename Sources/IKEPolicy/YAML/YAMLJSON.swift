import IKEDiagnostics

extension YAMLNode {
    /// The node as JSON, reading scalars the way the checker does: plain decimal digits
    /// (no sign, no leading zero) are integers, an empty plain scalar is null, and every
    /// other scalar is a string. This is the document the JSON Schema judges.
    var json: JSONValue {
        switch content {
        case .scalar(let style):
            let text = self.text
            if style == .plain {
                if text.isEmpty { return .null }
                if case .value(let value) = IntegerSyntax.read(text), value <= UInt64(Int.max) {
                    return .int(Int(value))
                }
            }
            return .string(text)
        case .sequence(let items):
            return .array(items.map(\.json))
        case .mapping(let entries):
            return .object(entries.map { ($0.key, $0.value.json) })
        }
    }
}

extension PolicyLoader {
    /// The policy document as JSON, with aliases and merge keys applied and scalars read as
    /// the checker reads them (see `schemas/ikec-policy.schema.json`); nil when the text is
    /// not a single well-formed YAML document.
    public static func jsonDocument(text: String, path: String = "<json>") -> JSONValue? {
        var bytes = Array(text.utf8)
        return bytes.withUnsafeMutableBufferPointer { buffer -> JSONValue? in
            let base = UnsafeBufferPointer(buffer)
            guard TextPrecheck(path: path).scan(base).fatal == nil else { return nil }
            let result = YAMLReader(path: path).read(base)
            guard !result.syntaxFailed, let root = result.root,
                !result.diagnostics.contains(where: { $0.severity == .error })
            else { return nil }
            return root.json
        }
    }
}
