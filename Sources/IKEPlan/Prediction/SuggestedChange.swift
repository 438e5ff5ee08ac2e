/// The smallest edit to a policy that would make a failed step work: what to do, where,
/// and for a keyword proposal the text that would replace it.
public struct SuggestedChange: Sendable, Hashable, CustomStringConvertible {
    /// What to do: "add 'ecp384' to proposal 'aes256gcm16-modp2048' in branch.yaml
    /// peers.hq.phase2.lan.proposals".
    public let summary: String
    /// The setting to edit.
    public let location: PolicyLocation
    /// The new text of the value at `location.span`, when it can be written out.
    public let replacement: String?

    /// A change.
    public init(summary: String, location: PolicyLocation, replacement: String? = nil) {
        self.summary = summary
        self.location = location
        self.replacement = replacement
    }

    /// The summary followed by the file position.
    public var description: String { "\(summary) (\(location.position))" }
}
