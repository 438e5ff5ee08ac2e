import IKECore
import IKEEngine
import IKEPolicy

/// A plan as text for a network engineer: each end's offer, then per direction what is
/// selected, how the peers authenticate, each Child SA, the rekeys and the exchanges.
public enum PlanTextRenderer {
    /// The whole plan.
    public static func render(_ plan: Plan) -> String {
        var out = "plan of \(plan.files.joined(separator: " and "))\n"
        for connection in plan.connections {
            out += "\n" + render(connection)
        }
        out += "\n" + PlanText.wrap(rules) + "\n"
        return out
    }

    /// How lifetimes and rekeys are predicted, stated once per report.
    public static let rules = """
        rules: a lifetime is the SA's hard limit. IKEv2 does not negotiate lifetimes; each \
        end rekeys at 90% of its own (strongSwan's rekey_time as ikec compile writes it), \
        the end with the shorter one first (the initiator on a tie), and an SA not rekeyed \
        expires at the lifetime (over_time 10%); random jitter is not modelled. \
        IKEv1 carries the initiator's lifetime, which the responder accepts, \
        shortens with RESPONDER-LIFETIME or refuses as its lifetime-check says.
        """

    /// One connection.
    public static func render(_ connection: ConnectionPlan) -> String {
        let a = connection.a
        let b = connection.b
        var out = "connection \(a.label) (\(a.file) \(a.peerKeyPath)) <-> \(b.label) ("
        out += b.isMirror ? "mirror image of \(a.peerKeyPath))" : "\(b.file) \(b.peerKeyPath))"
        if let matches = connection.matches {
            out +=
                "\n  paired: \(a.label)'s entry names \(b.label) by \(matches.a), "
                + "\(b.label)'s entry names \(a.label) by \(matches.b)"
        }
        out += "\n"
        out += end(a) + end(b)
        for direction in connection.directions {
            out += "\n" + render(direction)
        }
        return out
    }

    private static func end(_ end: EndProfile) -> String {
        var out = "  \(end.label): IKE\(end.version), id \(end.localIdentity)"
        out += end.remoteIdentity.map { ", expects \($0)" } ?? ", accepts any identity"
        out += "; auth \(end.auth.local) (expects \(end.auth.remote))\n"
        let phase1 = end.phase1
        out +=
            "    phase 1 (\(phase1.proposals.location.keyPath)), selects in "
            + "\(PlanText.order(phase1.order)), lifetime "
            + PlanText.duration(phase1.lifetimeSeconds)
        if end.version == .v1 {
            out += ", \(phase1.mode.rawValue) mode, lifetime-check \(phase1.lifetimeCheck.rawValue)"
        }
        out += ":\n"
        for (index, proposal) in phase1.proposals.proposals.enumerated() {
            out += "      \(index + 1). \(proposal.text)\n"
        }
        for child in end.children {
            let remote =
                child.remoteIsDynamic ? "dynamic" : PlanText.selectors(child.remoteSelectors)
            out +=
                "    phase 2 '\(child.name)': \(child.ipsecProtocol.rawValue) "
                + "\(child.mode.rawValue), \(PlanText.selectors(child.localSelectors)) === "
                + "\(remote), lifetime \(PlanText.duration(child.lifetimeSeconds)):\n"
            for (index, proposal) in child.proposals.proposals.enumerated() {
                out += "      \(index + 1). \(proposal.text)\n"
            }
        }
        return out
    }

    /// One direction.
    public static func render(_ direction: DirectionPlan) -> String {
        var out =
            "== \(direction.initiator) initiates, \(direction.responder) responds "
            + "(IKE\(direction.version))\n"
        if let phase1 = direction.phase1 {
            out += phase1Text(phase1, direction)
        }
        if let auth = direction.authentication {
            out += "  authentication:\n"
            for leg in auth.legs {
                out +=
                    "    \(leg.by) -> \(leg.to): \(leg.method) as \(leg.identity); "
                    + "\(leg.to) expects \(leg.expectedMethod)"
                    + (leg.expectedIdentity.map { " as \($0)" } ?? " from any identity")
                switch leg.keysAgree {
                case true?: out += "; the pre-shared keys agree"
                case false?: out += "; the pre-shared keys DIFFER"
                case nil where leg.method == .psk: out += "; the keys could not be compared"
                case nil: break
                }
                if leg.signatureUnchecked { out += "; signature checked by 'ikec negotiate'" }
                out += "\n"
            }
        }
        for child in direction.children {
            out += childText(child, direction)
        }
        if let rekey = direction.ikeRekey {
            out += "  IKE SA rekey: " + rekeyText(rekey, direction) + "\n"
        } else if direction.version == .v1, direction.failure == nil {
            out +=
                "  ISAKMP SA: renewed with a new "
                + (direction.phase1?.mode == .aggressive ? "aggressive " : "main ")
                + "mode before it expires (not simulated)\n"
        }
        out += "  exchanges (\(PlanText.roundTrips(messages: direction.messages))):\n"
        let width = direction.exchanges.map(\.name.count).max() ?? 0
        for exchange in direction.exchanges {
            let pad = String(repeating: " ", count: width - exchange.name.count)
            let other =
                exchange.initiator == direction.initiator
                ? direction.responder : direction.initiator
            out +=
                "    \(exchange.name)\(pad)  \(exchange.initiator) -> \(other)  "
                + "\(exchange.purpose)\n"
        }
        out += outcome(direction)
        return out
    }

    private static func phase1Text(_ phase1: Phase1Prediction, _ direction: DirectionPlan) -> String
    {
        var out = "  phase 1: "
        guard let selected = phase1.selected else {
            return out + "no proposal in common\n"
        }
        out += "\(PlanText.proposal(selected))\n"
        if direction.version == .v2 {
            let group = PlanText.group(phase1.keyExchangeGroup)
            out +=
                phase1.invalidKERoundTrip
                ? "    \(direction.initiator)'s first KE payload is \(group); "
                    + "\(direction.responder) "
                    + "selects \(PlanText.group(selected.dhGroups.first)) and answers "
                    + "INVALID_KE_PAYLOAD: one extra round trip\n"
                : "    \(direction.initiator)'s first KE payload (\(group)) is the selected group\n"
        }
        out += "    lifetime: " + lifetimeText(phase1.lifetime, direction) + "\n"
        return out
    }

    private static func childText(_ child: ChildPrediction, _ direction: DirectionPlan) -> String {
        var out = "  phase 2 '\(child.name)'"
        if let name = child.responderName, name != child.name {
            out += " (\(direction.responder)'s '\(name)')"
        }
        out +=
            " in \(child.exchange), \(child.ipsecProtocol.rawValue) "
            + "\((child.mode ?? child.requestedMode).rawValue):\n"
        if let selected = child.selected {
            out += "    proposal: \(PlanText.childProposal(selected))"
            if child.exchange == "IKE_AUTH" {
                out += " (no PFS in IKE_AUTH: the keys come from the IKE SA's exchange)"
            } else if let group = selected.dhGroups.first {
                out += " (PFS \(PlanText.group(group)))"
                if child.invalidKERoundTrip { out += "; INVALID_KE_PAYLOAD round trip first" }
            }
            out += "\n"
        }
        if child.failure == nil {
            let narrowed =
                child.initiatorSelectors == child.proposedInitiatorSelectors
                && child.responderSelectors == child.proposedResponderSelectors
            out +=
                "    selectors: \(PlanText.selectors(child.initiatorSelectors)) === "
                + "\(PlanText.selectors(child.responderSelectors))"
            if child.selectorsAssumed {
                out += " (as configured)"
            } else if !narrowed {
                out +=
                    " (narrowed from \(PlanText.selectors(child.proposedInitiatorSelectors)) === "
                    + "\(PlanText.selectors(child.proposedResponderSelectors)))"
            }
            out += "\n"
        }
        if let lifetime = child.lifetime, child.failure == nil {
            out += "    lifetime: " + lifetimeText(lifetime, direction) + "\n"
        }
        if let rekey = child.rekey {
            out += "    first rekey: " + rekeyText(rekey, direction) + "\n"
        }
        if let failure = child.failure {
            out += "    FAILS: \(failure.headline)\n"
            out += FailureText.details(
                failure, initiator: direction.initiator, responder: direction.responder,
                indent: "      ")
        }
        return out
    }

    private static func lifetimeText(_ lifetime: LifetimePrediction, _ direction: DirectionPlan)
        -> String
    {
        var out =
            "\(direction.initiator) \(PlanText.duration(lifetime.initiatorSeconds)), "
            + "\(direction.responder) \(PlanText.duration(lifetime.responderSeconds))"
        if direction.version == .v1 {
            guard let negotiated = lifetime.negotiatedSeconds else { return out + "; refused" }
            out += "; negotiated \(PlanText.duration(negotiated))"
            if lifetime.responderLifetimeNotify {
                out += " (\(direction.responder) answers RESPONDER-LIFETIME)"
            }
            return out
        }
        out +=
            "; \(lifetime.rekeyBy) rekeys first at \(PlanText.duration(lifetime.rekeyAt))"
            + " (expires at \(PlanText.duration(lifetime.expiresAt)) if not rekeyed)"
        return out
    }

    private static func rekeyText(_ rekey: RekeyPrediction, _ direction: DirectionPlan) -> String {
        var out = "by \(rekey.by) at \(PlanText.duration(rekey.at)), \(rekey.exchange)"
        if let selected = rekey.selected {
            out += " \(PlanText.childProposal(selected))"
            if case .child = rekey.subject {
                out += selected.dhGroups.first.map { ", PFS \(PlanText.group($0))" } ?? ", no PFS"
            }
            if rekey.invalidKERoundTrip { out += ", after an INVALID_KE_PAYLOAD round trip" }
            return out + " (works)"
        }
        guard let failure = rekey.failure else { return out }
        let other = rekey.by == direction.initiator ? direction.responder : direction.initiator
        return out + " FAILS: \(failure.headline)\n"
            + FailureText.details(failure, initiator: rekey.by, responder: other, indent: "      ")
            .dropLast()
    }

    private static func outcome(_ direction: DirectionPlan) -> String {
        if let failure = direction.failure {
            return "  outcome: FAILS: \(failure.headline)\n"
                + FailureText.details(
                    failure, initiator: direction.initiator, responder: direction.responder,
                    indent: "    ")
        }
        let made = direction.children.filter { $0.failure == nil }.count
        let failures = direction.allFailures.count
        var out =
            "  outcome: IKE SA and \(made) of \(direction.children.count) Child SA"
            + "\(direction.children.count == 1 ? "" : "s") established"
        if failures > 0 { out += "; \(failures) step\(failures == 1 ? "" : "s") fail (above)" }
        return out + "\n"
    }
}
