import IKECore
import IKECrypto
import IKEEngine
import IKETransport

/// One `probe`: initiate, wait for every Child SA and its echo test, delete, report.
enum ProbeRun {
    /// Seconds allowed for the Delete exchange at the end.
    static let deleteWait = 3.0

    static func run(
        _ configuration: IKEPeerConfiguration, peer: String, transport: UDPTransport,
        setup: LiveSetup
    ) -> LiveReport {
        var records: [TransportRecord] = []
        if setup.pcapPath != nil { transport.observer = { records.append($0) } }
        let loop = TransportLoop(transport: transport, random: SystemRandom())
        let runner = LiveRunner(loop: loop, echo: setup.echo)
        var outcome = NegotiationOutcome(
            peer: peer, version: configuration.version, role: .initiator,
            local: configuration.local.address, remote: configuration.remote.address,
            children: configuration.children.map { ChildOutcome(name: $0.name) },
            expectsChildSAs: !configuration.children.isEmpty)
        var problems: [String] = []

        do {
            let session = try SessionFactory.makeSession(
                configuration: configuration, role: .initiator, random: SystemRandom())
            let id = loop.add(session)
            runner.track(
                id,
                LiveRunner.Tracked(
                    outcome: outcome, expectedChildren: configuration.children.map(\.name),
                    lastActivity: loop.now))
            try runner.follow(loop.handle(.start, for: id))

            let deadline = loop.now + setup.timeout
            while !runner.isComplete(id, settle: nil), loop.now < deadline {
                try runner.step(timeout: deadline - loop.now)
            }
            if !runner.isComplete(id, settle: nil) {
                problems.append("timed out after \(setup.timeout) s")
            }
            if session.isEstablished, !session.isClosed {
                try runner.follow(loop.handle(.close, for: id))
                let closing = loop.now + deleteWait
                while !session.isClosed, loop.now < closing {
                    try runner.step(timeout: closing - loop.now)
                }
            }
            outcome = runner.outcomes.first ?? outcome
        } catch let failure as NegotiationFailure {
            outcome.failures.append(failure)
        } catch {
            problems.append("transport: \(error)")
            outcome = runner.outcomes.first ?? outcome
        }

        let written = LiveCapture.write(
            records: records, outcomes: [outcome], pcapPath: setup.pcapPath,
            keysPath: setup.keysPath)
        return LiveReport(
            command: "probe", outcomes: [outcome], problems: problems + written.problems,
            dropped: runner.dropped, files: written.files, notes: written.notes)
    }
}
