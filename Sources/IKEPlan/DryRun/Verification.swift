import IKECore
import IKECrypto
import IKEEngine
import IKEPolicy

// DESIGN.md, "What verified means": phase 1 completes with one proposal, the same on both
// ends; both ends authenticate each other with the configured methods and identities;
// both hold identical IKE SA keys; every phase 2 entry completes with agreeing
// parameters and mirrored keys; a test packet sealed with each outbound SA opens on the
// other end. The first rekeys are checked the same way.

/// The verification checks of one direction.
enum Verification {
    static func checks(
        plan: DirectionPlan, initiator: EndProfile, responder: EndProfile, ikeSA: AgreedIKESA?,
        children: [AgreedChildSA], packetChecks: [String: PacketCheckOutcome],
        failures: [ObservedFailure], rekeys: [RekeyRun]
    ) -> [VerificationCheck] {
        guard let ikeSA else {
            let failure = failures.first { $0.failure.phase.endsIKESA } ?? failures.first
            let reason =
                failure.map { "\($0.title): \($0.failure.description)" }
                ?? "the IKE SA did not come up"
            guard let failure, authenticationCodes.contains(failure.failure.code),
                let selected = plan.phase1?.selected
            else {
                return [VerificationCheck(name: "phase 1", result: .failed, detail: reason)]
            }
            return [
                VerificationCheck(
                    name: "phase 1", result: .skipped,
                    detail: "\(PlanText.proposal(selected)) was selected, but the IKE SA did not "
                        + "come up"),
                VerificationCheck(name: "authentication", result: .failed, detail: reason),
            ]
        }
        var checks: [VerificationCheck] = []

        // 1. Phase 1.
        checks.append(
            VerificationCheck(
                name: "phase 1", result: ikeSA.proposalsAgree ? .passed : .failed,
                detail: ikeSA.proposalsAgree
                    ? "\(PlanText.proposal(ikeSA.proposal)) selected on both ends"
                    : "the two ends hold different selected proposals"))

        // 2. Mutual authentication with the configured methods and identities.
        checks.append(authentication(ikeSA, initiator: initiator, responder: responder))

        // 3. IKE SA keys.
        let names = ikeSA.keyNames.joined(separator: ", ")
        checks.append(
            VerificationCheck(
                name: "IKE SA keys", result: ikeSA.keysAgree ? .passed : .failed,
                detail: ikeSA.keysAgree
                    ? "identical on both ends (\(names)), fingerprint \(ikeSA.fingerprint)"
                    : "the two ends derived different keys"))

        // 4. Every phase 2 entry.
        for child in initiator.children {
            checks.append(phase2(child.name, children: children, failures: failures))
        }

        // 5. A test packet through each Child SA, both ways.
        for child in children {
            guard let outcome = packetChecks[child.name] else { continue }
            checks.append(
                VerificationCheck(
                    name: "packet check '\(child.name)'",
                    result: outcome.passed ? .passed : .failed,
                    detail: outcome.detail))
        }

        // The first rekeys.
        for rekey in rekeys {
            checks.append(rekeyCheck(rekey))
        }
        return checks
    }

    /// The failures of mutual authentication (after phase 1's proposal was agreed).
    static let authenticationCodes: Set<NegotiationFailure.Code> = [
        .sharedKeyMismatch, .signatureInvalid, .identityMismatch, .authMethodMismatch,
        .certificateUntrusted, .certificateIdentityMismatch, .certificateMissing,
        .authenticationFailed,
    ]

    private static func authentication(
        _ ikeSA: AgreedIKESA, initiator: EndProfile, responder: EndProfile
    ) -> VerificationCheck {
        var problems: [String] = []
        let legs: [(EndProfile, EndProfile, AuthenticationSummary, Identity?)] = [
            (initiator, responder, ikeSA.initiatorAuthentication, ikeSA.initiatorIdentity),
            (responder, initiator, ikeSA.responderAuthentication, ikeSA.responderIdentity),
        ]
        var details: [String] = []
        for (end, checker, summary, identity) in legs {
            details.append(
                "\(end.label) by \(summary) as \(identity.map(\.description) ?? "ID_NULL")")
            if !AuthMethodFit.fits(summary, expected: checker.auth.remote) {
                problems.append(
                    "\(end.label) authenticated by \(summary), but \(checker.auth.location) "
                        + "expects '\(checker.auth.remote)'")
            }
            if let expected = checker.remoteIdentity, checker.auth.remote != .null,
                identity.map({ !IdentityComparison.matches($0, expected: expected) }) ?? true
            {
                problems.append("\(end.label) is not the expected '\(expected)'")
            }
        }
        return VerificationCheck(
            name: "authentication", result: problems.isEmpty ? .passed : .failed,
            detail: problems.isEmpty
                ? details.joined(separator: "; ") : problems.joined(separator: "; "))
    }

    private static func phase2(
        _ name: String, children: [AgreedChildSA], failures: [ObservedFailure]
    ) -> VerificationCheck {
        let label = "phase 2 '\(name)'"
        guard let child = children.first(where: { $0.name == name }) else {
            let failure = failures.first { failure in
                if case .childSA = failure.failure.phase { return true }
                return false
            }
            return VerificationCheck(
                name: label, result: .failed,
                detail: failure.map { "\($0.title): \($0.failure.description)" }
                    ?? "the Child SA did not come up")
        }
        var problems: [String] = []
        if !child.parametersAgree {
            problems.append("the two ends disagree on protocol, mode, selectors or proposal")
        }
        if !child.keysMirrored { problems.append("the keys are not mirrored") }
        let detail =
            "\(child.protocolID == .ah ? "ah" : "esp") \(child.mode.rawValue) "
            + "\(PlanText.childProposal(child.proposal)), "
            + "\(PlanText.selectors(child.initiatorSelectors)) === "
            + "\(PlanText.selectors(child.responderSelectors)); keys mirrored, fingerprints "
            + "\(child.initiatorToResponderFingerprint) (initiator to responder) and "
            + "\(child.responderToInitiatorFingerprint) (responder to initiator)"
        return VerificationCheck(
            name: label, result: problems.isEmpty ? .passed : .failed,
            detail: problems.isEmpty ? detail : problems.joined(separator: "; "))
    }

    private static func rekeyCheck(_ rekey: RekeyRun) -> VerificationCheck {
        let name: String
        switch rekey.prediction.subject {
        case .child(let child): name = "rekey of Child SA '\(child)'"
        case .ikeSA: name = "IKE SA rekey"
        }
        if let failure = rekey.failures.first {
            return VerificationCheck(
                name: name, result: .failed,
                detail: "\(failure.title): \(failure.failure.description)")
        }
        if let child = rekey.child {
            let packets = rekey.packetCheck
            let good = child.parametersAgree && child.keysMirrored && packets?.passed != false
            let pfs = child.proposal.dhGroups.first.map { "PFS \(PlanText.group($0))" } ?? "no PFS"
            return VerificationCheck(
                name: name, result: good ? .passed : .failed,
                detail: good
                    ? "\(PlanText.childProposal(child.proposal)) (\(pfs)) by "
                        + "\(rekey.prediction.by); new keys mirrored, fingerprints "
                        + "\(child.initiatorToResponderFingerprint) and "
                        + "\(child.responderToInitiatorFingerprint); test packets pass both ways"
                    : packets?.passed == false
                        ? "test packet through the new Child SA: \(packets?.detail ?? "")"
                        : "the new Child SA's keys or parameters do not agree")
        }
        if let ikeSA = rekey.ikeSA {
            return VerificationCheck(
                name: name, result: ikeSA.keysAgree ? .passed : .failed,
                detail: ikeSA.keysAgree
                    ? "\(PlanText.proposal(ikeSA.proposal)) by \(rekey.prediction.by); new keys "
                        + "identical, fingerprint \(ikeSA.fingerprint)"
                    : "the two ends derived different keys")
        }
        return VerificationCheck(
            name: name, result: .failed, detail: "the rekey did not produce a new SA")
    }
}

/// Whether how a peer authenticated is what the policy's `remote:` method asks for:
/// `psk` a shared key, `null` NULL authentication, `pubkey` any signature,
/// `digital-signature` RFC 7427, `ecdsa` an ECDSA signature, `rsa` an RSA one.
enum AuthMethodFit {
    static func fits(_ summary: AuthenticationSummary, expected: AuthMethod) -> Bool {
        let signature =
            summary.kind == .certificateSignature || summary.kind == .rawPublicKeySignature
        switch expected {
        case .psk: return summary.kind == .sharedKey
        case .null: return summary.kind == .null
        case .pubkey: return signature
        case .digitalSignature: return signature && summary.methodName == "digital signature"
        case .ecdsa:
            guard signature, let scheme = summary.signatureScheme else { return false }
            if case .ecdsa = scheme { return true }
            return false
        case .rsa:
            guard signature, let scheme = summary.signatureScheme else { return false }
            switch scheme {
            case .rsaPKCS1, .rsaPSS, .rsaPKCS1Raw: return true
            case .ecdsa, .ed25519, .ed448: return false
            }
        case .rsaEncryption, .rsaEncryptionRevised:
            return summary.kind == .rsaEncryption
        }
    }
}
