import IKECore
import IKEEngine
import IKEPolicy

/// Predicts mutual authentication in the order a responder and then an initiator check
/// it (RFC 7296 sections 2.15 and 2.21.2): the initiator's identity, the identity it asks
/// the responder to be, the initiator's method and key; then the responder's method.
/// Signatures are left to the engine: the plan does not read certificates.
enum AuthPlanner {
    /// IKEv2 and IKEv1 aggressive mode check identities first; IKEv1 main mode with a
    /// pre-shared key meets a wrong key first (`keyFirst`), since message 5 is encrypted
    /// with it before any identity is read.
    static func predict(
        initiator: EndProfile, responder: EndProfile, keysAgree: Bool?, exchange: String,
        keyFirst: Bool = false
    ) -> AuthPrediction {
        let legs = [
            leg(from: initiator, to: responder, keysAgree: keysAgree),
            leg(from: responder, to: initiator, keysAgree: keysAgree),
        ]
        let key = keyFailure(initiator, responder, keysAgree: keysAgree, exchange: exchange)
        let failure =
            (keyFirst ? key : nil)
            ?? identityFailure(initiator, responder, exchange: exchange)
            ?? methodFailure(by: initiator, checkedBy: responder, role: .responder, exchange)
            ?? key
            ?? methodFailure(by: responder, checkedBy: initiator, role: .initiator, exchange)
            ?? responderIdentityFailure(initiator, responder, exchange: exchange)
        return AuthPrediction(legs: legs, failure: failure)
    }

    private static func leg(from end: EndProfile, to other: EndProfile, keysAgree: Bool?)
        -> AuthPrediction.Leg
    {
        AuthPrediction.Leg(
            by: end.label, to: other.label, method: end.auth.local,
            expectedMethod: other.auth.remote, identity: end.localIdentity,
            expectedIdentity: other.remoteIdentity,
            keysAgree: end.auth.local == .psk && other.auth.remote == .psk ? keysAgree : nil,
            signatureUnchecked: AuthKind(end.auth.local) == .signature)
    }

    /// The responder checks IDi against the identity it expects, then the IDr the
    /// initiator asks for against its own.
    private static func identityFailure(
        _ initiator: EndProfile, _ responder: EndProfile, exchange: String
    ) -> PredictedFailure? {
        let v1 = initiator.version == .v1
        if let expected = responder.remoteIdentity,
            !IdentityComparison.matches(initiator.localIdentity, expected: expected)
        {
            let presented = initiator.localIdentity
            let localID = PolicyLocation(
                file: initiator.file, keyPath: "\(initiator.peerKeyPath).local-id",
                span: initiator.localIdentityLocation.span)
            return PredictedFailure(
                code: .identityMismatch, phase: .ikeSA, exchange: exchange,
                notify: v1 ? "INVALID-ID-INFORMATION" : "AUTHENTICATION_FAILED",
                refusedBy: responder.label, refusedByRole: .responder,
                reason: "wrong identity: \(initiator.label) presents '\(presented)', "
                    + "\(responder.label) expects '\(expected)'",
                changes: [
                    SuggestedChange(
                        summary: "set 'id: \(presented)' in \(responder.remoteIdentityLocation)",
                        location: responder.remoteIdentityLocation),
                    SuggestedChange(
                        summary: "set 'local-id: \(expected)' in \(localID)",
                        location: localID),
                ])
        }
        if !v1, let asked = initiator.remoteIdentity,
            !IdentityComparison.matches(responder.localIdentity, expected: asked)
        {
            let actual = responder.localIdentity
            return PredictedFailure(
                code: .identityMismatch, phase: .ikeSA, exchange: exchange,
                notify: "AUTHENTICATION_FAILED", refusedBy: responder.label,
                refusedByRole: .responder,
                reason: "wrong identity: \(initiator.label) asks for '\(asked)' (IDr), "
                    + "\(responder.label) is '\(actual)'",
                changes: [
                    SuggestedChange(
                        summary: "set 'id: \(actual)' in \(initiator.remoteIdentityLocation)",
                        location: initiator.remoteIdentityLocation)
                ])
        }
        return nil
    }

    /// IKEv1: the initiator checks the responder's ID payload against the identity it
    /// expects (an IKEv2 initiator asks for it with IDr, which the responder checks).
    private static func responderIdentityFailure(
        _ initiator: EndProfile, _ responder: EndProfile, exchange: String
    ) -> PredictedFailure? {
        guard initiator.version == .v1, let expected = initiator.remoteIdentity,
            !IdentityComparison.matches(responder.localIdentity, expected: expected)
        else { return nil }
        let presented = responder.localIdentity
        return PredictedFailure(
            code: .identityMismatch, phase: .ikeSA, exchange: exchange,
            notify: "INVALID-ID-INFORMATION", refusedBy: initiator.label,
            refusedByRole: .initiator,
            reason: "wrong identity: \(responder.label) presents '\(presented)', "
                + "\(initiator.label) expects '\(expected)'",
            changes: [
                SuggestedChange(
                    summary: "set 'id: \(presented)' in \(initiator.remoteIdentityLocation)",
                    location: initiator.remoteIdentityLocation)
            ])
    }

    /// `end` authenticates with a method of another family than `checker` expects. The
    /// smaller change comes first: `end` switching to the expected method when it already
    /// holds what that takes (the shared key, or nothing for NULL), else `checker`
    /// expecting what `end` uses.
    private static func methodFailure(
        by end: EndProfile, checkedBy checker: EndProfile, role: IKERole, _ exchange: String
    ) -> PredictedFailure? {
        let used = end.auth.local
        let expected = checker.auth.remote
        guard AuthKind(used) != AuthKind(expected) else { return nil }
        let v1 = end.version == .v1
        let expect = SuggestedChange(
            summary: setting(checker.auth, side: "remote", to: used),
            location: checker.auth.location)
        let switchOver = SuggestedChange(
            summary: setting(end.auth, side: "local", to: expected), location: end.auth.location)
        let endCanSwitch = (expected == .psk && end.auth.psk != nil) || expected == .null
        return PredictedFailure(
            code: .authMethodMismatch, phase: .ikeSA, exchange: exchange,
            notify: v1 ? "AUTHENTICATION-FAILED" : "AUTHENTICATION_FAILED",
            refusedBy: checker.label, refusedByRole: role,
            reason: "wrong auth method: \(end.label) authenticates with '\(used)' "
                + "(\(AuthKind(used).rawValue)), \(checker.label) expects '\(expected)' "
                + "(\(AuthKind(expected).rawValue))",
            changes: endCanSwitch ? [switchOver, expect] : [expect, switchOver])
    }

    /// "set 'remote: pubkey' in hq.yaml peers.branch.auth", or with the `method:`
    /// shorthand, the two keys that replace it.
    private static func setting(_ auth: AuthProfile, side: String, to method: AuthMethod) -> String
    {
        guard auth.usesShorthand else { return "set '\(side): \(method)' in \(auth.location)" }
        let other = side == "local" ? auth.remote : auth.local
        let pair =
            side == "local"
            ? "'local: \(method)' and 'remote: \(other)'"
            : "'local: \(other)' and 'remote: \(method)'"
        return "replace 'method: \(auth.local)' with \(pair) in \(auth.location)"
    }

    /// Both ends use pre-shared keys and the keys differ.
    private static func keyFailure(
        _ initiator: EndProfile, _ responder: EndProfile, keysAgree: Bool?, exchange: String
    ) -> PredictedFailure? {
        guard initiator.auth.local == .psk, responder.auth.remote == .psk, keysAgree == false
        else { return nil }
        let v1 = initiator.version == .v1
        let theirs = initiator.auth.psk.map { " (\($0))" } ?? ""
        let ours = responder.auth.psk.map { " (\($0))" } ?? ""
        return PredictedFailure(
            code: .sharedKeyMismatch, phase: .ikeSA, exchange: exchange,
            notify: v1 ? "PAYLOAD-MALFORMED" : "AUTHENTICATION_FAILED",
            refusedBy: responder.label, refusedByRole: .responder,
            reason: "wrong pre-shared key: \(initiator.auth.pskLocation)\(theirs) and "
                + "\(responder.auth.pskLocation)\(ours) hold different keys",
            changes: [
                SuggestedChange(
                    summary: "give \(responder.auth.pskLocation) the same key as "
                        + "\(initiator.auth.pskLocation)",
                    location: responder.auth.pskLocation)
            ])
    }
}
