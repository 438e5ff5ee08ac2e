/// Help text in sections: OVERVIEW, USAGE, ARGUMENTS, OPTIONS, SUBCOMMANDS.
enum HelpFormatter {
    /// The option every command has.
    static let help = OptionSpec.flag("help", short: "h", help: "Show this help")

    /// A command's help.
    static func help(for configuration: CommandConfiguration) -> String {
        var out = wrap("OVERVIEW: \(configuration.overview)", width: 80) + "\n\n"
        out += "USAGE: \(usage(for: configuration))\n"
        if !configuration.arguments.isEmpty {
            out += "\nARGUMENTS:\n"
            out += table(configuration.arguments.map { ("<\($0.name)>", $0.help) })
        }
        out += "\nOPTIONS:\n"
        out += table((configuration.options + [help]).map { (label($0), describe($0)) })
        return out
    }

    /// The one-line usage: `ikec lint [--format <format>] ... <path>...`.
    static func usage(for configuration: CommandConfiguration) -> String {
        var parts = ["ikec", configuration.name]
        if !configuration.options.isEmpty { parts.append("[<options>]") }
        for argument in configuration.arguments {
            var text = "<\(argument.name)>"
            if argument.isRepeated { text += "..." }
            parts.append(argument.isOptional ? "[\(text)]" : text)
        }
        return parts.joined(separator: " ")
    }

    /// The top-level help.
    static func topLevel(commands: [RegisteredCommand]) -> String {
        var out =
            "OVERVIEW: ikec \(IKECVersion.current): an IKE/IPsec policy compiler and validator\n\n"
        out += "USAGE: ikec <subcommand> [<options>] [<arguments>]\n\n"
        out += "OPTIONS:\n"
        out += table([
            ("--version", "Show the version"),
            ("-h, --help", "Show this help"),
        ])
        out += "\nSUBCOMMANDS:\n"
        out += table(commands.map { ($0.configuration.name, $0.configuration.summary) })
        out += "\n  See 'ikec <subcommand> --help' for a subcommand's arguments and options.\n"
        return out
    }

    /// `text` broken into lines of at most `width` columns at spaces, continuation lines
    /// indented by two spaces.
    static func wrap(_ text: String, width: Int) -> String {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            if !line.isEmpty, line.count + 1 + word.count > width {
                lines.append(line)
                line = "  "
            }
            line += (line.isEmpty || line == "  " ? "" : " ") + word
        }
        if !line.isEmpty { lines.append(line) }
        return lines.joined(separator: "\n")
    }

    private static func label(_ option: OptionSpec) -> String {
        var text = option.short.map { "-\($0), " } ?? ""
        text += "--\(option.name)"
        if let value = option.valueName { text += " <\(value)>" }
        return text
    }

    private static func describe(_ option: OptionSpec) -> String {
        guard let value = option.defaultValue else { return option.help }
        return "\(option.help) (default: \(value))"
    }

    /// Two columns: labels padded to the widest (at most 26), help beside them.
    private static func table(_ rows: [(String, String)]) -> String {
        let width = min(26, rows.map(\.0.count).max() ?? 0)
        var out = ""
        for (label, text) in rows {
            if label.count > width {
                out += "  \(label)\n  \(String(repeating: " ", count: width))  \(text)\n"
            } else {
                let pad = String(repeating: " ", count: width - label.count)
                out += "  \(label)\(pad)  \(text)\n"
            }
        }
        return out
    }
}
