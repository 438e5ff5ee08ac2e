import IKECore
import IKECrypto
import IKEEngine

/// Runs one direction with the real engine: both ends in memory over encoded messages,
/// then the first rekey of each Child SA and of the IKE SA, in the order their
/// lifetimes say; then verifies and compares with the plan.
struct DirectionRunner {
    let plan: DirectionPlan
    let initiator: EndProfile
    let responder: EndProfile
    let initiatorConfiguration: IKEPeerConfiguration
    let responderConfiguration: IKEPeerConfiguration
    let options: NegotiationOptions

    func run() -> DirectionRun {
        let loopback: LoopbackExchange
        do {
            loopback = try LoopbackExchange(
                initiator: initiatorConfiguration, responder: responderConfiguration,
                initiatorRandom: random(for: initiator), responderRandom: random(for: responder),
                startTime: options.validationTime)
        } catch {
            return unrunnable(error)
        }

        // The initial exchanges.
        var recorder = TranscriptRecorder(initiator: initiator.label, responder: responder.label)
        let outcome = loopback.negotiate()
        recorder.take(loopback.transcript, step: "setup")
        var setupFailures = Self.refusals(outcome)
        if setupFailures.isEmpty, loopback.initiator.ikeSA == nil,
            let dropped = Self.dropped(outcome)
        {
            setupFailures.append(unanswered(dropped))
        }
        let ikeSA = AgreementBuilder.ikeSA(
            initiator: loopback.initiator.ikeSA, responder: loopback.responder.ikeSA)
        let children = AgreementBuilder.children(
            initiator: loopback.initiator.childSAs, responder: loopback.responder.childSAs)

        // The packet check of each Child SA, then the first rekeys.
        var capture = recorder.entries.map { CapturedPacket.ike($0.datagram) }
        let packets = PacketCheck(
            initiatorAddress: initiatorConfiguration.local.address,
            responderAddress: responderConfiguration.local.address,
            random: random(named: "test packets"))
        let packetChecks = checkPackets(children, with: packets, capture: &capture)
        var rekeys: [RekeyRun] = []
        if ikeSA != nil {
            rekeys = rekeyAll(
                established: children, on: loopback, packets: packets, recorder: &recorder,
                capture: &capture)
        }

        let explainer = FailureExplainer(plan: plan, initiator: initiator, responder: responder)
        let failures = setupFailures.map(explainer.explain)
        let checks = Verification.checks(
            plan: plan, initiator: initiator, responder: responder, ikeSA: ikeSA,
            children: children, packetChecks: packetChecks, failures: failures, rekeys: rekeys)
        let disagreements = PlanEngineComparison.disagreements(
            plan: plan, ikeSA: ikeSA, children: children, setupFailures: setupFailures,
            transcript: recorder.entries, rekeys: rekeys)

        // The verdict: a disagreement is a bug in ikec; anything else not passed, a failure.
        let passed =
            failures.isEmpty && rekeys.allSatisfy { $0.failures.isEmpty }
            && checks.allSatisfy { $0.result == .passed || $0.result == .unavailable }
        let status: DirectionRun.Status =
            !disagreements.isEmpty ? .disagreement : passed ? .verified : .failed
        return DirectionRun(
            initiator: initiator.label, responder: responder.label, plan: plan, status: status,
            transcript: recorder.entries, ikeSA: ikeSA, children: children, rekeys: rekeys,
            checks: checks, failures: failures, disagreements: disagreements, capture: capture,
            initiatorAddress: initiatorConfiguration.local.address,
            responderAddress: responderConfiguration.local.address)
    }

    /// A test packet through each Child SA, both ways; the sealed packets join `capture`.
    private func checkPackets(
        _ children: [AgreedChildSA], with packetCheck: PacketCheck,
        capture: inout [CapturedPacket]
    ) -> [String: PacketCheckOutcome] {
        var outcomes: [String: PacketCheckOutcome] = [:]
        for child in children {
            let result = packetCheck.run(
                child, initiator: initiator.label, responder: responder.label)
            outcomes[child.name] = PacketCheckOutcome(passed: result.passed, detail: result.detail)
            capture += result.packets.map(CapturedPacket.ipsec)
        }
        return outcomes
    }

    /// The first rekeys in time order (Child SAs first on a tie), each new Child SA
    /// checked with a test packet.
    private func rekeyAll(
        established children: [AgreedChildSA], on loopback: LoopbackExchange,
        packets packetCheck: PacketCheck, recorder: inout TranscriptRecorder,
        capture: inout [CapturedPacket]
    ) -> [RekeyRun] {
        var rekeys: [RekeyRun] = []
        for prediction in rekeyEvents(established: children) {
            let before = recorder.entries.count
            var run = rekey(prediction, on: loopback, recorder: &recorder)
            capture += recorder.entries[before...].map { CapturedPacket.ike($0.datagram) }
            if let child = run.child {
                let result = packetCheck.run(
                    child, initiator: initiator.label, responder: responder.label)
                capture += result.packets.map(CapturedPacket.ipsec)
                run = run.with(PacketCheckOutcome(passed: result.passed, detail: result.detail))
            }
            rekeys.append(run)
        }
        return rekeys
    }

    /// The exchange of the first message the initiator sends.
    private var transcriptFirstExchange: String? {
        switch (initiatorConfiguration.version, initiatorConfiguration.ikev1.mode) {
        case (.v2, _): return "IKE_SA_INIT"
        case (.v1, .main): return "Main Mode"
        case (.v1, .aggressive): return "Aggressive Mode"
        }
    }

    /// Both ends draw from a generator keyed by the seed, the direction and the end; or
    /// from the system's.
    private func random(for end: EndProfile) -> RandomSource {
        random(named: end.label)
    }

    private func random(named name: String) -> RandomSource {
        guard let seed = options.seed else { return SystemRandom() }
        return SeededRandom(
            seed: "ikec negotiate|\(seed)|\(initiator.label)->\(responder.label)|\(name)")
    }

    /// The failures as the refusing end reported them, each once.
    static func refusals(_ outcome: LoopbackExchange.Outcome) -> [NegotiationFailure] {
        var seen: [NegotiationFailure] = []
        for failure in outcome.failures where failure.reportedBy == failure.refusedBy {
            if !seen.contains(failure) { seen.append(failure) }
        }
        if seen.isEmpty, let first = outcome.failures.first { seen.append(first) }
        return seen
    }

    /// What the responder dropped unanswered, when the run ended without an IKE SA and
    /// without a failure.
    static func dropped(_ outcome: LoopbackExchange.Outcome) -> DiscardedMessage? {
        for action in outcome.responderActions {
            if case .discarded(let message) = action { return message }
        }
        return nil
    }

    /// The responder dropped the initiator's first message: with another IKE version than
    /// its own it cannot read it (RFC 7296 section 2.5, RFC 2408 section 3.1); a real
    /// initiator retransmits and gives up.
    private func unanswered(_ dropped: DiscardedMessage) -> NegotiationFailure {
        let versions = initiatorConfiguration.version != responderConfiguration.version
        let exchange = transcriptFirstExchange ?? "IKE_SA_INIT"
        return NegotiationFailure(
            code: versions ? .unsupportedVersion : .noResponse, phase: .ikeSA,
            exchange: exchange, notify: nil, refusedBy: .responder, reportedBy: .responder,
            reason: "the responder dropped the initiator's first message unanswered "
                + "(\(dropped.detail))")
    }

    /// The planned first rekeys of what came up, sorted by time.
    private func rekeyEvents(established: [AgreedChildSA]) -> [RekeyPrediction] {
        var events: [RekeyPrediction] = []
        for child in plan.children where child.failure == nil {
            guard let rekey = child.rekey, established.contains(where: { $0.name == child.name })
            else { continue }
            events.append(rekey)
        }
        let childEvents = events.enumerated().map { ($0.offset, $0.element) }
        var ordered = childEvents.sorted { ($0.1.at, $0.0) < ($1.1.at, $1.0) }.map(\.1)
        if let ike = plan.ikeRekey {
            let index = ordered.firstIndex { $0.at > ike.at } ?? ordered.count
            ordered.insert(ike, at: index)
        }
        return ordered
    }

    /// Runs one rekey and reads what it produced.
    private func rekey(
        _ prediction: RekeyPrediction, on loopback: LoopbackExchange,
        recorder: inout TranscriptRecorder
    ) -> RekeyRun {
        let start = loopback.transcript.count
        let command: SessionCommand
        let step: String
        switch prediction.subject {
        case .child(let name):
            command = .rekeyChildSA(name: prediction.entryName ?? name)
            step = "rekey of Child SA '\(name)' by \(prediction.by)"
        case .ikeSA:
            command = .rekeyIKESA
            step = "IKE SA rekey by \(prediction.by)"
        }
        let outcome = loopback.issue(command, to: prediction.byRole)
        let slice = loopback.transcript.count > start ? Array(loopback.transcript[start...]) : []
        recorder.take(loopback.transcript, step: step)
        let messages = slice.filter { $0.exchange == prediction.exchange }.count
        let explainer = FailureExplainer(plan: plan, initiator: initiator, responder: responder)
        let failures = Self.refusals(outcome).map(explainer.explain)

        switch prediction.subject {
        case .child(let name):
            let renewed = AgreementBuilder.children(
                initiator: loopback.initiator.childSAs, responder: loopback.responder.childSAs
            ).first { $0.name == name && $0.generation > 0 }
            return RekeyRun(
                prediction: prediction, child: failures.isEmpty ? renewed : nil, ikeSA: nil,
                failures: failures, messages: messages, packetCheck: nil)
        case .ikeSA:
            let renewed = AgreementBuilder.ikeSA(
                initiator: loopback.initiator.ikeSA, responder: loopback.responder.ikeSA)
            let rekeyed = renewed.map { $0.initiatorSummary.generation > 0 } ?? false
            return RekeyRun(
                prediction: prediction, child: nil,
                ikeSA: failures.isEmpty && rekeyed ? renewed : nil, failures: failures,
                messages: messages, packetCheck: nil)
        }
    }

    /// A direction whose configuration the engine refuses (an algorithm it does not
    /// implement, a key that does not fit the method): a failure, with the engine's reason.
    private func unrunnable(_ failure: NegotiationFailure) -> DirectionRun {
        let explainer = FailureExplainer(plan: plan, initiator: initiator, responder: responder)
        return DirectionRun(
            initiator: initiator.label, responder: responder.label, plan: plan, status: .failed,
            transcript: [], ikeSA: nil, children: [], rekeys: [],
            checks: [VerificationCheck(name: "engine", result: .failed, detail: failure.reason)],
            failures: [explainer.explain(failure)], disagreements: [], capture: [],
            initiatorAddress: nil, responderAddress: nil)
    }
}

/// Turns the engine's transcript records into entries with the ends' labels.
struct TranscriptRecorder {
    let initiator: String
    let responder: String
    private(set) var entries: [TranscriptEntry] = []
    private var taken = 0

    init(initiator: String, responder: String) {
        self.initiator = initiator
        self.responder = responder
    }

    /// Adds the records of `records` not yet taken (the engine's transcript only grows).
    mutating func take(_ records: [ExchangeRecord], step: String) {
        guard records.count > taken else { return }
        append(Array(records[taken...]), step: step)
        taken = records.count
    }

    private mutating func append(_ records: [ExchangeRecord], step: String) {
        for record in records {
            let fromInitiator = record.direction == .initiatorToResponder
            entries.append(
                TranscriptEntry(
                    step: step, exchange: record.exchange, isResponse: record.isResponse,
                    messageID: record.messageID, from: fromInitiator ? initiator : responder,
                    to: fromInitiator ? responder : initiator, payloads: record.payloads,
                    datagram: record.datagram, time: record.time))
        }
    }
}

extension RekeyRun {
    /// The same run with the new Child SA's packet check.
    func with(_ packetCheck: PacketCheckOutcome) -> RekeyRun {
        RekeyRun(
            prediction: prediction, child: child, ikeSA: ikeSA, failures: failures,
            messages: messages, packetCheck: packetCheck)
    }
}
