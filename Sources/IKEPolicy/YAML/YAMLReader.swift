import CYAML
import IKEDiagnostics

/// Reads one YAML document into `YAMLNode`s through libyaml's event API, so that alias
/// expansion, merge keys, duplicate keys and document boundaries are ours to control.
struct YAMLReader {
    /// What reading produced.
    struct Result {
        /// The document's root; nil when the text failed to parse or is empty.
        var root: YAMLNode?
        /// Every node read, the root's and those read before reading stopped.
        var tree: YAMLTree?
        /// Problems found, in the order found.
        var diagnostics: [Diagnostic] = []
        /// The places of literal and folded block scalars, whose content may hold tabs.
        var blockScalarSpans: [SourceSpan] = []
        /// Whether libyaml itself reported an error (the tree is then incomplete).
        var syntaxFailed = false
    }

    /// Limits that keep hostile input cheap.
    struct Limits {
        /// Nodes alias expansion may add beyond this many...
        var baseExpansion = 10_000
        /// ...plus this many per node written out in the file.
        var expansionPerNode = 10
        /// The deepest nesting of collections, aliases included.
        var maximumDepth = 64
    }

    let path: String
    var limits = Limits()

    /// Parses `bytes`, which must stay valid for the whole call (libyaml reads them lazily).
    func read(_ bytes: UnsafeBufferPointer<UInt8>) -> Result {
        var builder = TreeBuilder(path: path, limits: limits, byteCount: bytes.count)
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else {
            builder.result.diagnostics.append(
                builder.diagnostic(.yamlSyntax, "the YAML parser could not start", at: nil))
            return builder.result
        }
        defer { yaml_parser_delete(&parser) }
        if let base = bytes.baseAddress {
            yaml_parser_set_input_string(&parser, base, bytes.count)
        } else {
            let empty: StaticString = ""
            yaml_parser_set_input_string(&parser, empty.utf8Start, 0)
        }
        // The encoding is left for libyaml to detect: the precheck has already refused
        // anything but UTF-8, and detection is what skips a leading byte order mark (an
        // encoding set by hand leaves it in, to fail as content).

        var event = yaml_event_t()
        while true {
            guard yaml_parser_parse(&parser, &event) == 1 else {
                builder.result.syntaxFailed = true
                builder.result.diagnostics.append(LibYAMLError.diagnostic(parser, path: path))
                break
            }
            let done = builder.handle(&event)
            yaml_event_delete(&event)
            if done { break }
        }
        return builder.finish()
    }
}

/// Raw libyaml parsing with no tree, the baseline of the loader's benchmark.
public enum RawYAMLParse {
    /// The number of libyaml events in `text`, or nil if libyaml reports an error.
    public static func countEvents(text: String) -> Int? {
        var bytes = Array(text.utf8)
        return bytes.withUnsafeMutableBufferPointer { buffer -> Int? in
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else { return nil }
            defer { yaml_parser_delete(&parser) }
            guard let base = buffer.baseAddress else { return 0 }
            yaml_parser_set_input_string(&parser, base, buffer.count)
            var event = yaml_event_t()
            var count = 0
            while true {
                guard yaml_parser_parse(&parser, &event) == 1 else { return nil }
                let end = event.type == YAML_STREAM_END_EVENT
                yaml_event_delete(&event)
                count += 1
                if end { return count }
            }
        }
    }
}
