/// An option such as `--format <format>` or a flag such as `--all`.
public struct OptionSpec: Sendable, Hashable {
    /// The long name without dashes (`format`).
    public var name: String
    /// A one-letter alias without the dash, if any.
    public var short: Character?
    /// The value's placeholder in help (`format`); nil for a flag.
    public var valueName: String?
    /// The allowed values; empty means any value.
    public var choices: [String]
    /// The value when the option is not given; nil for none.
    public var defaultValue: String?
    /// One line of help.
    public var help: String

    /// An option that takes a value.
    public static func value(
        _ name: String, short: Character? = nil, placeholder: String, choices: [String] = [],
        default defaultValue: String? = nil, help: String
    ) -> OptionSpec {
        OptionSpec(
            name: name, short: short, valueName: placeholder, choices: choices,
            defaultValue: defaultValue, help: help)
    }

    /// A flag: present or not.
    public static func flag(_ name: String, short: Character? = nil, help: String) -> OptionSpec {
        OptionSpec(
            name: name, short: short, valueName: nil, choices: [], defaultValue: nil, help: help)
    }

    /// Whether the option takes a value.
    public var takesValue: Bool { valueName != nil }
}

/// A positional argument.
public struct ArgumentSpec: Sendable, Hashable {
    /// The placeholder shown in help (`path`).
    public var name: String
    /// One line of help.
    public var help: String
    /// Whether it may be repeated (`<path>...`); a repeated argument is the last one.
    public var isRepeated: Bool
    /// Whether it may be left out.
    public var isOptional: Bool

    /// An argument.
    public init(_ name: String, help: String, repeated: Bool = false, optional: Bool = false) {
        self.name = name
        self.help = help
        self.isRepeated = repeated
        self.isOptional = optional
    }
}

/// What the parser found on the command line for one command.
public struct ParsedArguments: Sendable {
    /// Option values by long name: the last one given wins. Defaults are filled in.
    public var values: [String: String]
    /// Flags given, by long name.
    public var flags: Set<String>
    /// Positional arguments in order.
    public var positionals: [String]

    /// The value of an option (given, or its default).
    public func value(_ name: String) -> String? { values[name] }

    /// Whether a flag was given.
    public func flag(_ name: String) -> Bool { flags.contains(name) }
}
