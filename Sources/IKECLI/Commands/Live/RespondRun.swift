import IKECore
import IKECrypto
import IKEEngine
import IKEPolicy
import IKETransport

/// One `respond`: accept initiators the policy names, follow each negotiation and its
/// echo tests until `count` are complete, delete, report.
enum RespondRun {
    /// Seconds a negotiation waits, after its last event, for Child SAs the policy names
    /// but the initiator has not asked for.
    static let settle = 2.0

    static func run(
        setup: LiveSetup, transport: UDPTransport, count: Int, validationTime: Double
    ) -> LiveReport {
        var records: [TransportRecord] = []
        if setup.pcapPath != nil { transport.observer = { records.append($0) } }
        let loop = TransportLoop(transport: transport, random: SystemRandom())
        let runner = LiveRunner(loop: loop, echo: setup.echo)
        var problems: [String] = []
        loop.acceptor = { datagram in
            accept(
                datagram, policy: setup.policy, local: transport.localAddress, runner: runner,
                validationTime: validationTime, problems: &problems)
        }

        do {
            let deadline = loop.now + setup.timeout
            while completed(runner) < count, loop.now < deadline {
                try runner.step(timeout: deadline - loop.now)
            }
            let done = completed(runner)
            if done < count {
                problems.append(
                    "timed out after \(setup.timeout) s with \(done) of \(count) "
                        + "negotiation\(count == 1 ? "" : "s") complete")
            }
            try closeAll(loop, runner)
        } catch {
            problems.append("transport: \(error)")
        }

        let outcomes = runner.outcomes
        let written = LiveCapture.write(
            records: records, outcomes: outcomes, pcapPath: setup.pcapPath,
            keysPath: setup.keysPath)
        return LiveReport(
            command: "respond", outcomes: outcomes, problems: problems + written.problems,
            dropped: runner.dropped, files: written.files, notes: written.notes)
    }

    /// A responder session for the first peer entry whose address matches the sender
    /// and whose IKE version matches the message; nil (the message is dropped) otherwise.
    private static func accept(
        _ datagram: Datagram, policy: CheckedPolicy, local: IPAddress, runner: LiveRunner,
        validationTime: Double, problems: inout [String]
    ) -> (any IKESession)? {
        // RFC 7296 section 3.1, RFC 2408 section 3.1: the major version in octet 17 (the
        // loop hands over only messages with a whole header).
        let major = datagram.message.count > 17 ? datagram.message[17] >> 4 : 0
        let version: IKEVersion = major == 1 ? .v1 : .v2
        guard
            let peer = policy.peers.first(where: {
                $0.ikeVersion == version && $0.address.value.matches(datagram.source.address)
            })
        else { return nil }
        do {
            let configuration = try LivePeerConfiguration.make(
                policy: policy, peer: peer, local: local, remote: datagram.source.address,
                validationTime: validationTime)
            let session = try SessionFactory.makeSession(
                configuration: configuration, role: .responder, random: SystemRandom())
            runner.pendingAccepts.append(
                LiveRunner.Tracked(
                    outcome: NegotiationOutcome(
                        peer: peer.name.value, version: version, role: .responder,
                        local: local, remote: datagram.source.address, children: [],
                        expectsChildSAs: !configuration.children.isEmpty),
                    expectedChildren: configuration.children.map(\.name),
                    lastActivity: runner.loop.now))
            return session
        } catch let failure as LiveFailure {
            problems.append("cannot answer \(datagram.source): \(failure.message)")
        } catch {
            problems.append("cannot answer \(datagram.source): \(error)")
        }
        return nil
    }

    private static func completed(_ runner: LiveRunner) -> Int {
        runner.outcomes.indices.count { index in
            runner.isComplete(runner.sessionIDs[index], settle: settle)
        }
    }

    /// Deletes every IKE SA still up and waits a moment for the answers.
    private static func closeAll(_ loop: TransportLoop, _ runner: LiveRunner) throws(TransportError)
    {
        let open = loop.sessions.filter { $0.value.isEstablished && !$0.value.isClosed }
        for id in open.keys.sorted() {
            try runner.follow(loop.handle(.close, for: id))
        }
        let closing = loop.now + ProbeRun.deleteWait
        while open.values.contains(where: { !$0.isClosed }), loop.now < closing {
            try runner.step(timeout: closing - loop.now)
        }
    }
}
