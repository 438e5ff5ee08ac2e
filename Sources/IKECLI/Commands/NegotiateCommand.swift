import Foundation
import IKECapture
import IKEPlan
import IKEPolicy

/// `ikec negotiate A B`: dry-run both ends with the real engine and prove the keys agree.
public enum NegotiateCommand: CLICommand {
    /// The command's declaration.
    public static let configuration = CommandConfiguration(
        name: "negotiate", summary: "Dry-run both ends with the engine and prove the keys agree",
        overview: """
            Pair two policies and run ikec's IKE engine between both ends over real \
            messages and real cryptography, in both directions unless --initiator picks \
            one. A direction is verified when phase 1 agrees as planned, both ends \
            authenticate with the configured methods and identities, hold identical IKE SA \
            keys, every phase 2 entry comes up with mirrored keys, and the first rekeys \
            work. Keys are shown only as fingerprints. Exit status: 0 every direction \
            verified, 1 a negotiation failed or the plan and the engine disagree (an ikec \
            bug), 2 misuse or an unreadable file.
            """,
        arguments: [
            ArgumentSpec("a", help: "One end's policy file, or - for standard input"),
            ArgumentSpec("b", help: "The other end's policy file"),
        ],
        options: [
            CommonOptions.listFormat,
            OptionSpec.value(
                "initiator", placeholder: "end", choices: ["a", "b"],
                help: "Run one direction only: the first (a) or second (b) file initiates"),
            OptionSpec.value(
                "seed", placeholder: "seed",
                help: "Derive both ends' randomness from this seed: repeated runs give the "
                    + "same output"),
            OptionSpec.value(
                "at", placeholder: "time",
                help: "Validate certificates at this RFC 3339 time (default: now; with --seed, "
                    + "the end of the current UTC day, 23:59:59Z)"),
            OptionSpec.value(
                "pcap", placeholder: "file",
                help: "Write every IKE datagram and test packet to this pcap file"),
            OptionSpec.value(
                "keys", placeholder: "folder",
                help: "Write Wireshark key tables (session keys, mode 0600) into this folder"),
            CommonOptions.color,
        ])

    /// Negotiates and reports.
    public static func run(_ arguments: ParsedArguments, environment: CLIEnvironment)
        -> CommandOutput
    {
        let colour = (arguments.value("color").flatMap(ColourChoice.init) ?? .auto).enabled(
            terminal: environment.stderrIsTerminal, environment: environment)
        let seed = arguments.value("seed")
        let validationTime: Double
        if let text = arguments.value("at") {
            guard let parsed = Timestamp.parse(text) else {
                return CommandOutput.usage(
                    UsageError(
                        .invalidValue,
                        "invalid value '\(text)' for '--at'; give an RFC 3339 time such as "
                            + "'2025-06-01T12:00:00Z'"),
                    command: "negotiate", colour: colour)
            }
            validationTime = parsed
        } else {
            // A seeded run validates at the end of the current UTC day: reruns that day are
            // byte-identical, certificates issued today are valid, and one that expires
            // today already counts as expired.
            let now = environment.now.timeIntervalSince1970.rounded(.down)
            let endOfDay = now - now.truncatingRemainder(dividingBy: 86_400) + 86_399
            validationTime = seed == nil ? now : endOfDay
        }

        let policies: [CheckedPolicy]
        switch PolicyArguments.load(
            arguments.positionals, command: "negotiate", environment: environment, colour: colour)
        {
        case .success(let value): policies = value.policies
        case .failure(let failure): return failure.output
        }

        let initiators: [NegotiationOptions.Initiator] =
            arguments.value("initiator").flatMap(NegotiationOptions.Initiator.init).map { [$0] }
            ?? [.a, .b]
        let options = NegotiationOptions(
            initiators: initiators, seed: seed, validationTime: validationTime)
        let report: NegotiationReport
        do {
            let pair = try PolicyPairer.pair(policies[0], policies[1])
            report = try Negotiation.run(pair, options: options)
        } catch {
            return PolicyArguments.render(
                error, policies: policies, command: "negotiate", colour: colour)
        }

        let stdout =
            arguments.value("format") == "json"
            ? NegotiationJSONRenderer.render(report).serialized() + "\n"
            : NegotiationTextRenderer.render(report)
        var stderr = ""
        do {
            stderr += try writeArtifacts(
                report, pcap: arguments.value("pcap"), keys: arguments.value("keys"))
        } catch {
            return CommandOutput(
                stdout: stdout,
                stderr: stderr + "ikec negotiate: \(ErrorStyle.error(colour)): \(error)\n",
                status: .misuse)
        }
        for direction in report.directions where direction.status == .disagreement {
            stderr +=
                "ikec negotiate: \(ErrorStyle.error(colour)): internal disagreement "
                + "between plan and engine (\(direction.initiator) initiates): "
                + direction.disagreements.joined(separator: "; ") + "\n"
        }
        return CommandOutput(
            stdout: stdout, stderr: stderr, status: report.verified ? .success : .inputProblems)
    }

    /// Writes the capture and the key tables asked for; the lines saying so.
    private static func writeArtifacts(_ report: NegotiationReport, pcap: String?, keys: String?)
        throws(CaptureError) -> String
    {
        var notes = ""
        if let pcap {
            let file = try NegotiationCapture.pcap(report)
            try file.write(to: pcap)
            notes += "ikec negotiate: wrote \(file.records.count) packets to '\(pcap)'\n"
        }
        if let keys {
            let written = try WiresharkKeyFile.write(
                NegotiationCapture.keyTables(report), toDirectory: keys, acknowledgingSecrets: true)
            notes +=
                "ikec negotiate: wrote Wireshark key tables to '\(keys)' (mode 0600); "
                + "read the capture with: \(written.usage)\n"
            for skipped in written.skipped {
                notes += "ikec negotiate: key table row left out: \(skipped)\n"
            }
        }
        return notes
    }
}
