import IKECore

/// The options `probe` and `respond` share, and their parsing. Values that do not parse
/// are usage errors (exit status 2).
enum LiveOptions {
    static let sourceAddress = OptionSpec.value(
        "source-address", placeholder: "address",
        help: "Inner source of the echo test (default: first host of the local selector)")
    static let targetAddress = OptionSpec.value(
        "target-address", placeholder: "address",
        help: "Inner target of the echo test (default: first host of the remote selector)")
    static let pcap = OptionSpec.value(
        "pcap", placeholder: "file",
        help: "Write every datagram ikec sent and received to this pcap file")
    static let keys = OptionSpec.value(
        "keys", placeholder: "dir",
        help: "Write Wireshark key tables into this folder (session keys; files mode 0600)")

    /// `--timeout`, with the command's default.
    static func timeout(default seconds: String) -> OptionSpec {
        OptionSpec.value(
            "timeout", placeholder: "seconds", default: seconds,
            help: "Give up after this many seconds")
    }

    /// The options both commands take, after their own.
    static let shared: [OptionSpec] = [
        sourceAddress, targetAddress, pcap, keys, CommonOptions.listFormat,
    ]

    /// An address option's value, if given.
    static func address(_ name: String, in arguments: ParsedArguments) throws(UsageError)
        -> IPAddress?
    {
        guard let text = arguments.value(name) else { return nil }
        guard let address = IPAddress(text) else {
            throw UsageError(.invalidValue, "invalid address '\(text)' for '--\(name)'")
        }
        return address
    }

    /// A positive number of seconds.
    static func seconds(_ name: String, in arguments: ParsedArguments) throws(UsageError)
        -> Double
    {
        let text = arguments.value(name) ?? ""
        guard let value = Double(text), value > 0, value <= 86_400 else {
            throw UsageError(
                .invalidValue, "invalid value '\(text)' for '--\(name)'; give seconds, 1 to 86400")
        }
        return value
    }

    /// A positive count.
    static func count(_ name: String, in arguments: ParsedArguments) throws(UsageError) -> Int {
        let text = arguments.value(name) ?? ""
        guard let value = Int(text), value > 0, value <= 10_000 else {
            throw UsageError(.invalidValue, "invalid value '\(text)' for '--\(name)'")
        }
        return value
    }
}
