import IKEEngine

/// The lines that explain a failure: the reason, the nearest miss between the two
/// proposal lists, and the smallest change, each indented by `indent`.
public enum FailureText {
    /// The explanation lines, without the headline.
    public static func details(
        reason: String, miss: NearestMiss?, initiator: String, responder: String,
        changes: [SuggestedChange], indent: String
    ) -> String {
        var out = "\(indent)reason: \(reason)\n"
        if let miss, !miss.differences.isEmpty {
            out +=
                "\(indent)nearest miss: \(initiator)'s '\(PlanText.childProposal(miss.offered))'"
                + " vs \(responder)'s '\(PlanText.childProposal(miss.configured))': "
                + "\(miss.summary)\n"
        }
        for (index, change) in changes.enumerated() {
            let label = index == 0 ? "smallest change" : "alternative"
            var line = "\(indent)\(label): \(change.summary) (\(change.location.position))"
            if let replacement = change.replacement { line += ", giving '\(replacement)'" }
            out += line + "\n"
        }
        return out
    }

    /// The details of a predicted failure, whose initiator is the exchange's initiator.
    static func details(
        _ failure: PredictedFailure, initiator: String, responder: String,
        indent: String
    ) -> String {
        details(
            reason: failure.reason, miss: failure.nearestMiss, initiator: initiator,
            responder: responder, changes: failure.changes, indent: indent)
    }
}
