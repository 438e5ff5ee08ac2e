import IKEDiagnostics
import IKEPolicy

/// Section names for peers and phase 2 entries. strongSwan's settings syntax uses `.` to
/// separate the parts of a setting's path, so a name with a dot cannot be a section; the
/// dots become `_` (a note says so), and a name that then equals another is an error.
struct SectionNames {
    private var peers: [String: String] = [:]
    private var entries: [String: String] = [:]

    /// Names for every peer and entry of `policy`, reporting renames and collisions.
    init(policy: CheckedPolicy, diagnostics: inout ExportDiagnostics) {
        var usedPeers: [String: String] = [:]
        for peer in policy.peers {
            let name = Self.assign(
                peer.name, what: "peer", used: &usedPeers, diagnostics: &diagnostics)
            peers[peer.name.value] = name
            var usedEntries: [String: String] = [:]
            for entry in peer.phase2 {
                entries[peer.name.value + "\u{0}" + entry.name.value] = Self.assign(
                    entry.name, what: "phase 2 entry", used: &usedEntries,
                    diagnostics: &diagnostics)
            }
        }
    }

    /// The section name of a peer's connection.
    func peer(_ peer: Peer) -> String { peers[peer.name.value] ?? peer.name.value }

    /// The section name of a phase 2 entry's child.
    func entry(_ entry: Phase2Entry, of peer: Peer) -> String {
        entries[peer.name.value + "\u{0}" + entry.name.value] ?? entry.name.value
    }

    private static func assign(
        _ name: Located<String>, what: String, used: inout [String: String],
        diagnostics: inout ExportDiagnostics
    ) -> String {
        let section = name.value.replacingOccurrences(of: ".", with: "_")
        if section != name.value {
            diagnostics.add(
                .renamedSection, "\(what) '\(name.value)' is written as '\(section)'",
                at: name.span,
                notes: [DiagnosticNote("section names cannot contain '.'")])
        }
        if let other = used[section] {
            diagnostics.add(
                .nameCollision, "\(what) '\(name.value)' and '\(other)' both become '\(section)'",
                at: name.span, notes: [DiagnosticNote("rename one of them")])
        }
        used[section] = name.value
        return section
    }
}
