import IKECore
import IKEEngine

/// Compares what the engine did with what the plan predicted (DESIGN.md: a disagreement is
/// a bug in ikec). The plan's predictor and the engine's selection share no code, so
/// agreement is evidence that both read the RFC the same way.
///
/// Compared: whether each step works; for a failure its kind, the refusing end and the
/// exchange; for a success the selected proposal, the INVALID_KE_PAYLOAD round trips, and
/// for Child SAs the mode and the selectors after narrowing. Signature and certificate
/// failures are not predicted (the plan does not read certificates) and never count as a
/// disagreement.
enum PlanEngineComparison {
    static func disagreements(
        plan: DirectionPlan, ikeSA: AgreedIKESA?, children: [AgreedChildSA],
        setupFailures: [NegotiationFailure], transcript: [TranscriptEntry], rekeys: [RekeyRun]
    ) -> [String] {
        var found: [String] = []
        let ikeFailures = setupFailures.filter { $0.phase.endsIKESA }

        // The IKE SA.
        if let planned = plan.failure {
            if let engine = ikeFailures.first {
                if !FailureExplainer.sameFailure(planned, engine) {
                    found.append(
                        "the plan predicts \(describe(planned)), the engine reports "
                            + "\(describe(engine))")
                }
            } else {
                found.append(
                    "the plan predicts \(describe(planned)), but the engine "
                        + (ikeSA == nil ? "reported no failure" : "established the IKE SA"))
            }
            return found
        }
        if let engine = ikeFailures.first {
            if !unpredictable(engine) {
                found.append(
                    "the plan predicts the IKE SA comes up, the engine reports \(describe(engine))")
            }
            return found
        }
        guard let ikeSA, let phase1 = plan.phase1 else {
            return ["the plan predicts the IKE SA comes up, but the engine did not establish it"]
        }
        if let selected = phase1.selected, !same(selected, ikeSA.proposal) {
            found.append(
                "phase 1: the plan selects \(PlanText.proposal(selected)), the engine "
                    + "\(PlanText.proposal(ikeSA.proposal))")
        }
        let initMessages = transcript.filter { $0.step == "setup" && $0.exchange == "IKE_SA_INIT" }
            .count
        if plan.version == .v2, initMessages != (phase1.invalidKERoundTrip ? 4 : 2) {
            found.append(
                "IKE_SA_INIT: the plan expects \(phase1.invalidKERoundTrip ? 4 : 2) messages, "
                    + "the engine exchanged \(initMessages)")
        }

        if plan.version == .v1 {
            found += lifetimeDisagreements(plan, transcript)
        }
        found += childDisagreements(plan, children, setupFailures.filter { !$0.phase.endsIKESA })
        for rekey in rekeys {
            found += rekeyDisagreements(rekey)
        }
        return found
    }

    private static func childDisagreements(
        _ plan: DirectionPlan, _ children: [AgreedChildSA], _ failures: [NegotiationFailure]
    ) -> [String] {
        var found: [String] = []
        var unmatched = failures
        for child in plan.children {
            if let planned = child.failure {
                if let index = unmatched.firstIndex(where: {
                    FailureExplainer.sameFailure(planned, $0)
                }) {
                    unmatched.remove(at: index)
                } else {
                    found.append(
                        "Child SA '\(child.name)': the plan predicts \(describe(planned)), the "
                            + "engine "
                            + (children.contains { $0.name == child.name }
                                ? "established it" : "reported otherwise"))
                }
                continue
            }
            guard let agreed = children.first(where: { $0.name == child.name }) else {
                found.append(
                    "Child SA '\(child.name)': the plan predicts it comes up, the engine did "
                        + "not establish it")
                continue
            }
            if let selected = child.selected, !same(selected, agreed.proposal) {
                found.append(
                    "Child SA '\(child.name)': the plan selects "
                        + "\(PlanText.childProposal(selected)), the engine "
                        + "\(PlanText.childProposal(agreed.proposal))")
            }
            if let mode = child.mode, mode.rawValue != agreed.mode.rawValue {
                found.append(
                    "Child SA '\(child.name)': the plan predicts \(mode.rawValue) mode, the "
                        + "engine \(agreed.mode.rawValue)")
            }
            if !child.selectorsAssumed,
                child.initiatorSelectors != agreed.initiatorSelectors
                    || child.responderSelectors != agreed.responderSelectors
            {
                found.append(
                    "Child SA '\(child.name)': the plan narrows to "
                        + "\(PlanText.selectors(child.initiatorSelectors)) === "
                        + "\(PlanText.selectors(child.responderSelectors)), the engine to "
                        + "\(PlanText.selectors(agreed.initiatorSelectors)) === "
                        + "\(PlanText.selectors(agreed.responderSelectors))")
            }
        }
        for failure in unmatched where !unpredictable(failure) {
            found.append("the engine reports an unplanned failure: \(describe(failure))")
        }
        return found
    }

    private static func rekeyDisagreements(_ rekey: RekeyRun) -> [String] {
        let prediction = rekey.prediction
        let name: String
        switch prediction.subject {
        case .child(let child): name = "rekey of Child SA '\(child)'"
        case .ikeSA: name = "IKE SA rekey"
        }
        if let planned = prediction.failure {
            guard let engine = rekey.failures.first?.failure else {
                return ["\(name): the plan predicts \(describe(planned)), but the rekey worked"]
            }
            return FailureExplainer.sameFailure(planned, engine)
                ? []
                : [
                    "\(name): the plan predicts \(describe(planned)), the engine reports "
                        + describe(engine)
                ]
        }
        if let engine = rekey.failures.first?.failure {
            return ["\(name): the plan predicts it works, the engine reports \(describe(engine))"]
        }
        var found: [String] = []
        let agreed = rekey.child?.proposal ?? rekey.ikeSA?.proposal
        if let selected = prediction.selected, let agreed, !same(selected, agreed) {
            found.append(
                "\(name): the plan selects \(PlanText.childProposal(selected)), the engine "
                    + "\(PlanText.childProposal(agreed))")
        }
        if agreed == nil {
            found.append("\(name): the plan predicts a new SA, the engine made none")
        }
        // A quick mode takes three messages; a CREATE_CHILD_SA two, twice after
        // INVALID_KE_PAYLOAD.
        let expected =
            prediction.exchange == "Quick Mode" ? 3 : prediction.invalidKERoundTrip ? 4 : 2
        if rekey.messages != expected {
            found.append(
                "\(name): the plan expects \(expected) \(prediction.exchange) messages, the "
                    + "engine exchanged \(rekey.messages)")
        }
        return found
    }

    /// IKEv1: RESPONDER-LIFETIME appears in phase 1 and in the quick modes exactly where
    /// the plan's lifetime judgement says it does.
    private static func lifetimeDisagreements(
        _ plan: DirectionPlan, _ transcript: [TranscriptEntry]
    )
        -> [String]
    {
        let setup = transcript.filter { $0.step == "setup" }
        func announced(_ entry: TranscriptEntry) -> Bool {
            entry.payloads.contains { $0.contains("N(RESPONDER-LIFETIME)") }
        }
        var found: [String] = []
        let phase1Announces = setup.contains { $0.exchange != "Quick Mode" && announced($0) }
        if let expected = plan.phase1?.lifetime.responderLifetimeNotify, expected != phase1Announces
        {
            found.append(
                "phase 1: the plan expects \(expected ? "a" : "no") RESPONDER-LIFETIME, the engine "
                    + (phase1Announces ? "sent one" : "sent none"))
        }
        let planned = plan.children.filter {
            $0.failure == nil && $0.lifetime?.responderLifetimeNotify == true
        }.count
        let sent = setup.filter { $0.exchange == "Quick Mode" && announced($0) }.count
        if planned != sent {
            found.append(
                "quick mode: the plan expects \(planned) RESPONDER-LIFETIME, the engine sent "
                    + "\(sent)")
        }
        return found
    }

    /// Failures the plan does not model: certificates and signatures need the keys.
    private static func unpredictable(_ failure: NegotiationFailure) -> Bool {
        switch failure.code {
        case .signatureInvalid, .certificateUntrusted, .certificateIdentityMismatch,
            .certificateMissing, .invalidConfiguration, .cryptoFailure:
            return true
        default:
            return false
        }
    }

    /// Equal proposals, a missing ESN list counting as "no ESN" for Child SAs.
    private static func same(_ first: Proposal, _ second: Proposal) -> Bool {
        func normal(_ proposal: Proposal) -> Proposal {
            var copy = proposal
            if copy.protocolID != .ike && copy.esn.isEmpty { copy.esn = [.disabled] }
            return copy
        }
        return normal(first) == normal(second)
    }

    private static func describe(_ failure: PredictedFailure) -> String {
        "\(failure.code.rawValue) in \(failure.exchange) refused by the \(failure.refusedByRole)"
    }

    private static func describe(_ failure: NegotiationFailure) -> String {
        "\(failure.code.rawValue) in \(failure.exchange) refused by the \(failure.refusedBy) "
            + "(\(failure.reason))"
    }
}
