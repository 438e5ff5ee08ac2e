import IKECore
import IKEEngine
import IKETransport

/// Drives live sessions for `probe` and `respond`: follows each session's events into its
/// `NegotiationOutcome`, runs the echo test through every Child SA once it is up, and
/// answers echo requests that reach our selectors through a tunnel.
final class LiveRunner {
    /// A session and what the policy expects of it.
    struct Tracked {
        /// The outcome so far.
        var outcome: NegotiationOutcome
        /// The Child SAs the policy names, in order.
        var expectedChildren: [String]
        /// When anything last happened to it, on the loop's clock.
        var lastActivity: Double
    }

    let loop: TransportLoop
    let echo: EchoSettings
    /// Sessions by identifier.
    private(set) var tracked: [SessionID: Tracked] = [:]
    /// Outcomes for sessions the acceptor made, waiting for their `.accepted` event.
    var pendingAccepts: [Tracked] = []
    /// Why datagrams no session took were dropped, each reason once, in order.
    private(set) var dropped: [String] = []

    init(loop: TransportLoop, echo: EchoSettings) {
        self.loop = loop
        self.echo = echo
    }

    /// Starts following a session the loop already drives.
    func track(_ id: SessionID, _ entry: Tracked) {
        tracked[id] = entry
    }

    /// The followed sessions, in the order they began.
    var sessionIDs: [SessionID] { tracked.keys.sorted() }

    /// The outcomes, in the order sessions began.
    var outcomes: [NegotiationOutcome] {
        sessionIDs.compactMap { tracked[$0]?.outcome }
    }

    /// Polls once, follows the events and advances the echo tests.
    func step(timeout: Double) throws(TransportError) {
        try follow(try loop.poll(timeout: min(timeout, 0.2)))
        try driveEchoes()
    }

    /// Follows events the loop returned outside `step` (from `handle`).
    func follow(_ events: [TransportEvent]) throws(TransportError) {
        for event in events { try follow(event) }
    }

    /// Whether a session needs nothing more: it failed, or its IKE SA is up and each Child
    /// SA is resolved; with `settle`, Child SAs the policy names but the peer did not ask
    /// for are waited for only that many seconds after the last activity.
    func isComplete(_ id: SessionID, settle: Double?) -> Bool {
        guard let entry = tracked[id] else { return false }
        let outcome = entry.outcome
        if !outcome.failures.isEmpty { return true }
        guard outcome.ikeSA != nil else { return false }
        guard outcome.children.allSatisfy(\.isResolved) else { return false }
        let present = Set(outcome.children.map(\.name))
        if entry.expectedChildren.allSatisfy(present.contains) { return true }
        guard let settle else { return false }
        return loop.now - entry.lastActivity >= settle
    }

    // MARK: - Events

    private func follow(_ event: TransportEvent) throws(TransportError) {
        switch event {
        case .accepted(let id, _):
            guard !pendingAccepts.isEmpty else { return }
            tracked[id] = pendingAccepts.removeFirst()
        case .action(let id, let action):
            update(id) { self.apply(action, to: &$0.outcome) }
        case .packet(let id, let childName, let packet):
            try receive(packet, through: childName, of: id)
        case .tunnelUnavailable(let id, let childName, let error):
            update(id) { entry in
                let index = entry.outcome.child(childName)
                entry.outcome.children[index].tunnelProblem = error.description
            }
        case .gaveUp(let id, let failure):
            update(id) { $0.outcome.failures.append(failure) }
        case .dropped(let source, let reason):
            let text = "from \(source): \(reason)"
            if !dropped.contains(text) { dropped.append(text) }
        }
    }

    private func update(_ id: SessionID, _ change: (inout Tracked) -> Void) {
        guard var entry = tracked[id] else { return }
        change(&entry)
        entry.lastActivity = loop.now
        tracked[id] = entry
    }

    private func apply(_ action: SessionAction, to outcome: inout NegotiationOutcome) {
        switch action {
        case .ikeSAEstablished(let summary):
            outcome.ikeSA = summary
        case .childSAEstablished(let child):
            outcome.children[outcome.child(child.name)].childSA = child
        case .childSARekeyed(_, let new):
            outcome.children[outcome.child(new.name)].childSA = new
        case .childSADeleted, .discarded, .send:
            break
        case .ikeSADeleted:
            outcome.deleted = true
        case .failed(let failure):
            switch failure.phase {
            case .childSA(let name):
                outcome.children[outcome.child(name)].failure = failure
            case .ikeSA, .informational, .childRekey, .ikeRekey:
                // A failed delete or rekey at the end does not undo what was proven.
                if failure.phase.endsIKESA || outcome.ikeSA == nil {
                    outcome.failures.append(failure)
                }
            }
        }
    }

    // MARK: - Echo tests

    /// Sends first requests through Child SAs that just came up, repeats unanswered ones
    /// and gives up on those that used all their attempts.
    private func driveEchoes() throws(TransportError) {
        let now = loop.now
        for id in tracked.keys.sorted() {
            guard var entry = tracked[id], entry.outcome.failures.isEmpty else { continue }
            for index in entry.outcome.children.indices {
                var child = entry.outcome.children[index]
                guard let childSA = child.childSA, child.failure == nil,
                    child.tunnelProblem == nil, !(child.echo?.isFinished ?? false)
                else { continue }
                if child.echo == nil {
                    switch echo.addresses(for: childSA) {
                    case .success(let (source, target)):
                        child.echo = EchoOutcome(
                            source: source, target: target,
                            identifier: UInt16(truncatingIfNeeded: id.rawValue &* 7919 &+ index))
                    case .failure(let problem):
                        child.echo = EchoOutcome(
                            source: nil, target: nil, identifier: 0, problem: problem.text)
                    }
                }
                guard var test = child.echo, !test.isFinished else {
                    entry.outcome.children[index] = child
                    continue
                }
                if test.attempts == 0 || now - test.lastSent >= echo.interval {
                    if test.attempts >= echo.attempts {
                        test.problem = "no reply after \(test.attempts) requests"
                    } else {
                        try sendEchoRequest(&test, through: childSA.name, of: id, now: now)
                    }
                }
                child.echo = test
                entry.outcome.children[index] = child
            }
            tracked[id] = entry
        }
    }

    private func sendEchoRequest(
        _ test: inout EchoOutcome, through childName: String, of id: SessionID, now: Double
    ) throws(TransportError) {
        guard let source = test.source, let target = test.target else { return }
        test.attempts += 1
        if test.firstSent == 0 { test.firstSent = now }
        test.lastSent = now
        do {
            let request = try ICMPEcho.makeEchoRequest(
                from: source, to: target, identifier: test.identifier,
                sequence: UInt16(test.attempts), payload: EchoSettings.payload)
            try loop.send(request, through: childName, of: id)
        } catch let error as TransportError {
            test.problem = error.description
        } catch {
            test.problem = "\(error)"
        }
    }

    /// A packet out of a tunnel: the reply to our echo test, or a request to answer.
    private func receive(_ packet: IPPacket, through childName: String, of id: SessionID)
        throws(TransportError)
    {
        guard let message = try? ICMPEcho(parsing: packet), var entry = tracked[id] else {
            return
        }
        let index = entry.outcome.child(childName)
        if message.isReply {
            guard var test = entry.outcome.children[index].echo, !test.isFinished,
                message.identifier == test.identifier, packet.source == test.target,
                packet.destination == test.source
            else { return }
            test.roundTrip = loop.now - test.lastSent
            entry.outcome.children[index].echo = test
            tracked[id] = entry
            return
        }
        let selectors = entry.outcome.children[index].childSA?.localSelectors ?? []
        let destination = packet.destination
        let inSelector = selectors.contains {
            $0.isIPv4 == destination.isIPv4 && $0.startAddress <= destination
                && destination <= $0.endAddress
        }
        guard inSelector, let reply = try? ICMPEcho.echoReply(for: packet) else { return }
        try loop.send(reply, through: childName, of: id)
        entry.outcome.answeredEchoes += 1
        tracked[id] = entry
    }
}
