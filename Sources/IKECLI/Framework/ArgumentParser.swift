import IKEDiagnostics

/// Parses one command's arguments against its configuration: `--name value`,
/// `--name=value`, `-x value`, flags, `--` to end options, and `-` as a positional (standard
/// input). `--help` and `-h` are recognised everywhere by `CLI` before this runs.
struct ArgumentParser {
    let configuration: CommandConfiguration

    func parse(_ arguments: [String]) throws(UsageError) -> ParsedArguments {
        var parsed = ParsedArguments(values: [:], flags: [], positionals: [])
        for option in configuration.options {
            if let value = option.defaultValue { parsed.values[option.name] = value }
        }

        // Options and positionals, in one pass.
        var index = 0
        var optionsEnded = false
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if optionsEnded || argument == "-" || !argument.hasPrefix("-") {
                parsed.positionals.append(argument)
                continue
            }
            if argument == "--" {
                optionsEnded = true
                continue
            }
            let (spec, inline) = try option(for: argument)
            if !spec.takesValue {
                guard inline == nil else {
                    throw UsageError(.flagWithValue, "'--\(spec.name)' takes no value")
                }
                parsed.flags.insert(spec.name)
                continue
            }
            let value: String
            if let inline {
                value = inline
            } else if index < arguments.count {
                value = arguments[index]
                index += 1
            } else {
                throw UsageError(
                    .missingValue, "'--\(spec.name)' needs a value <\(spec.valueName ?? "value")>")
            }
            try check(value, for: spec)
            parsed.values[spec.name] = value
        }

        try checkPositionals(parsed.positionals)
        return parsed
    }

    /// The option an argument names, and a value given with `=`.
    private func option(for argument: String) throws(UsageError) -> (OptionSpec, String?) {
        if argument.hasPrefix("--") {
            let body = argument.dropFirst(2)
            let parts = body.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = String(parts[0])
            let inline = parts.count > 1 ? String(parts[1]) : nil
            if let spec = configuration.options.first(where: { $0.name == name }) {
                return (spec, inline)
            }
            let known = configuration.options.map { "--\($0.name)" } + ["--help"]
            throw UsageError(
                .unknownOption, "unknown option '--\(name)'",
                suggestion: Suggestions.closest(to: "--\(name)", among: known))
        }
        let letters = Array(argument.dropFirst())
        if letters.count == 1,
            let spec = configuration.options.first(where: { $0.short == letters[0] })
        {
            return (spec, nil)
        }
        let known = configuration.options.compactMap { $0.short.map { "-\($0)" } } + ["-h"]
        throw UsageError(
            .unknownOption, "unknown option '\(argument)'",
            suggestion: Suggestions.closest(to: argument, among: known))
    }

    private func check(_ value: String, for spec: OptionSpec) throws(UsageError) {
        guard !spec.choices.isEmpty, !spec.choices.contains(value) else { return }
        let choices = spec.choices.map { "'\($0)'" }.joined(separator: ", ")
        throw UsageError(
            .invalidValue, "invalid value '\(value)' for '--\(spec.name)'; choose \(choices)",
            suggestion: Suggestions.closest(to: value, among: spec.choices))
    }

    private func checkPositionals(_ positionals: [String]) throws(UsageError) {
        let specs = configuration.arguments
        let required = specs.filter { !$0.isOptional }.count
        if positionals.count < required {
            let missing = specs.filter { !$0.isOptional }[positionals.count]
            throw UsageError(.missingArgument, "missing argument <\(missing.name)>")
        }
        let repeats = specs.last?.isRepeated ?? false
        if !repeats, positionals.count > specs.count {
            throw UsageError(
                .unexpectedArgument, "unexpected argument '\(positionals[specs.count])'")
        }
    }
}
