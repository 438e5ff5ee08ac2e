import IKECore
import IKEPolicy

/// Small text forms shared by the plan, matrix and negotiation reports.
public enum PlanText {
    /// `24h`, `1h30m`, `90s`; days only from a week on (`7d`), as lifetimes are usually
    /// written.
    public static func duration(_ seconds: Int) -> String {
        guard seconds > 0 else { return "0s" }
        var parts: [String] = []
        var rest = seconds
        let units = [
            ("d", seconds >= 7 * 86_400 ? 86_400 : Int.max), ("h", 3600), ("m", 60), ("s", 1),
        ]
        for (unit, size) in units where rest >= size {
            parts.append("\(rest / size)\(unit)")
            rest %= size
        }
        return parts.joined()
    }

    /// `4 GiB`, `512 KiB`, or octets.
    public static func size(_ bytes: UInt64) -> String {
        for (unit, size) in [
            ("TiB", UInt64(1) << 40), ("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10),
        ]
        where bytes >= size && bytes % size == 0 {
            return "\(bytes / size) \(unit)"
        }
        return "\(bytes) bytes"
    }

    /// `10.1.0.0/16, 10.1.1.0/24[tcp/443]`, or `(none)`.
    public static func selectors(_ selectors: [TrafficSelector]) -> String {
        selectors.isEmpty ? "(none)" : selectors.map(\.description).joined(separator: ", ")
    }

    /// A proposal in keyword form (`aes256gcm16-prfsha384-ecp384`); a proposal without
    /// any transform (none selected) as `none`.
    public static func proposal(_ proposal: Proposal) -> String {
        let text = proposal.keywordString
        return text.isEmpty ? "none" : text
    }

    /// A selected Child SA proposal in keyword form without the ESN transform when it is
    /// the default (no ESN).
    public static func childProposal(_ proposal: Proposal) -> String {
        var shown = proposal
        if shown.esn == [.disabled] { shown.esn = [] }
        return Self.proposal(shown)
    }

    /// `ours` → `its own order`, `theirs` → `the initiator's order`.
    public static func order(_ order: ProposalOrder) -> String {
        order == .ours ? "its own order" : "the initiator's order"
    }

    /// A group's keyword, or `none`.
    public static func group(_ group: DHGroup?) -> String {
        group.map { Transform.dhGroup($0).keyword } ?? "none"
    }

    /// `text` broken at spaces into lines of at most `width` columns, each line after the
    /// first starting with `indent`.
    public static func wrap(_ text: String, width: Int = 100, indent: String = "") -> String {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            if !line.isEmpty, line.count + 1 + word.count > width {
                lines.append(line)
                line = indent
            }
            line += (line.isEmpty || line == indent ? "" : " ") + word
        }
        if !line.isEmpty { lines.append(line) }
        return lines.joined(separator: "\n")
    }

    /// `1 round trip`, `1.5 round trips`, `3 round trips`.
    public static func roundTrips(messages: Int) -> String {
        let whole = messages / 2
        let text = messages % 2 == 0 ? "\(whole)" : "\(whole).5"
        return "\(text) round trip\(messages == 2 ? "" : "s")"
    }
}
