import IKECore
import IKEEngine
import IKEPolicy

/// Compiles policies into plans (DESIGN.md, "The pipeline": compile).
public enum Planner {
    /// The plan of a pair: both directions of the connection the two policies describe.
    /// Pre-shared keys are compared when both can be read (never shown).
    public static func plan(_ pair: PairedPolicies) -> Plan {
        let (a, b) = pair.profiles
        let connection = plan(a: a, b: b, matches: (pair.a.match, pair.b.match))
        return Plan(files: [a.file, b.file], connections: [connection])
    }

    /// The plan of one policy: every peer entry against its mirror image (the peer
    /// configured exactly as the entry expects), in both directions.
    public static func plan(_ policy: CheckedPolicy) -> Plan {
        let connections = policy.peers.map { peer in
            let ours = ProfileBuilder.profile(of: peer, in: policy)
            return plan(a: ours, b: ProfileBuilder.mirror(of: ours), matches: nil)
        }
        return Plan(files: [policy.source.path], connections: connections)
    }

    /// Both directions of a connection between two ends.
    public static func plan(
        a: EndProfile, b: EndProfile, matches: (a: PeerMatch, b: PeerMatch)?
    ) -> ConnectionPlan {
        let keysAgree = SecretComparison.keysAgree(a.auth.psk, b.auth.psk)
        let directions = [(a, b), (b, a)].map { initiator, responder in
            direction(initiator: initiator, responder: responder, keysAgree: keysAgree)
        }
        return ConnectionPlan(a: a, b: b, matches: matches, directions: directions)
    }

    /// One direction: `initiator` starts, `responder` answers.
    public static func direction(
        initiator: EndProfile, responder: EndProfile, keysAgree: Bool?
    ) -> DirectionPlan {
        guard initiator.version == responder.version else {
            return VersionMismatch.plan(initiator: initiator, responder: responder)
        }
        switch initiator.version {
        case .v2:
            return IKEv2DirectionPlanner.plan(
                initiator: initiator, responder: responder, keysAgree: keysAgree)
        case .v1:
            return IKEv1DirectionPlanner.plan(
                initiator: initiator, responder: responder, keysAgree: keysAgree)
        }
    }
}

/// Two ends that do not speak the same IKE version: the responder cannot read the
/// initiator's first message.
enum VersionMismatch {
    // RFC 7296 section 2.5: an IKEv2 responder drops a message of another major version
    // (it answers INVALID_MAJOR_VERSION only to a higher one); RFC 2408 section 3.1 lets an
    // IKEv1 responder drop a message it cannot read. Either way no answer comes back.
    static func plan(initiator: EndProfile, responder: EndProfile) -> DirectionPlan {
        let exchange =
            initiator.version == .v2
            ? "IKE_SA_INIT" : initiator.phase1.mode == .main ? "Main Mode" : "Aggressive Mode"
        // The change moves the IKEv1 end to IKEv2 (RFC 9395 deprecates IKEv1).
        let v1End = initiator.version == .v1 ? initiator : responder
        let location = v1End.versionLocation
        let failure = PredictedFailure(
            code: .unsupportedVersion, phase: .ikeSA, exchange: exchange, notify: nil,
            refusedBy: responder.label, refusedByRole: .responder,
            reason: "version mismatch: \(initiator.label) speaks IKE\(initiator.version) "
                + "(\(initiator.versionLocation)), \(responder.label) speaks "
                + "IKE\(responder.version) (\(responder.versionLocation)); the responder drops "
                + "the message it cannot read and the initiator gets no answer",
            changes: [
                SuggestedChange(
                    summary: "set 'ike: v2' in \(location) (and remove its IKEv1-only "
                        + "settings, 'mode' and 'lifetime-check')",
                    location: location)
            ])
        return DirectionPlan(
            initiator: initiator.label, responder: responder.label, version: initiator.version,
            phase1: nil, authentication: nil, children: [], ikeRekey: nil,
            exchanges: [
                PredictedExchange(
                    name: exchange, purpose: "first message, dropped unanswered", messages: 1,
                    initiator: initiator.label)
            ], failure: failure)
    }
}

/// Whether two ends hold the same pre-shared key, without ever showing it.
enum SecretComparison {
    /// True or false when both keys can be read (or name the same source); nil when one
    /// is missing or cannot be read.
    static func keysAgree(_ first: PresharedKey?, _ second: PresharedKey?) -> Bool? {
        guard let first, let second else { return nil }
        if first.source == second.source { return true }
        guard let left = try? first.resolve(), let right = try? second.resolve() else {
            return nil
        }
        return left == right
    }
}
