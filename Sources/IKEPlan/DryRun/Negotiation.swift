import IKECore
import IKEDiagnostics
import IKEEngine
import IKEWire

/// `ikec negotiate`: pairs two policies, plans them, and runs the real engine between
/// both ends in each direction asked for (DESIGN.md, "What verified means").
public enum Negotiation {
    /// Runs `pair` as `options` say. Throws `translationFailed` when a secret, key or
    /// certificate cannot be used.
    public static func run(_ pair: PairedPolicies, options: NegotiationOptions) throws(PlanError)
        -> NegotiationReport
    {
        let plan = Planner.plan(pair)
        let connection = plan.connections[0]
        let (a, b) = (connection.a, connection.b)

        // Both ends' engine configurations (a version mismatch never reaches the engine).
        var configurations: (IKEPeerConfiguration, IKEPeerConfiguration)?
        if pair.versionsAgree {
            var problems: [Diagnostic] = []
            var first: IKEPeerConfiguration?
            var second: IKEPeerConfiguration?
            do {
                first = try ConfigurationTranslator.configuration(
                    for: pair.a, profile: a, endpoints: pair.endpoints,
                    validationTime: options.validationTime)
            } catch {
                problems += error.diagnostics
            }
            do {
                second = try ConfigurationTranslator.configuration(
                    for: pair.b, profile: b, endpoints: pair.endpoints.reversed,
                    validationTime: options.validationTime)
            } catch {
                problems += error.diagnostics
            }
            if !problems.isEmpty {
                throw PlanError(.translationFailed, diagnostics: problems)
            }
            if let first, let second { configurations = (first, second) }
        }

        var directions: [DirectionRun] = []
        for initiator in options.initiators {
            let aInitiates = initiator == .a
            let direction = connection.directions[aInitiates ? 0 : 1]
            guard let (configA, configB) = configurations else {
                directions.append(
                    VersionMismatchRun.run(
                        direction, initiator: aInitiates ? a : b, responder: aInitiates ? b : a))
                continue
            }
            let runner = DirectionRunner(
                plan: direction, initiator: aInitiates ? a : b, responder: aInitiates ? b : a,
                initiatorConfiguration: aInitiates ? configA : configB,
                responderConfiguration: aInitiates ? configB : configA, options: options)
            directions.append(runner.run())
        }
        return NegotiationReport(
            a: a, b: b, matches: (pair.a.match, pair.b.match), seed: options.seed,
            validationTime: options.validationTime, directions: directions)
    }
}

/// A direction whose ends speak different IKE versions: the engine is not run (neither
/// session can read the other's first message); the report is the plan's.
enum VersionMismatchRun {
    static func run(_ plan: DirectionPlan, initiator: EndProfile, responder: EndProfile)
        -> DirectionRun
    {
        let failures = plan.failure.map { planned in
            ObservedFailure(
                failure: NegotiationFailure(
                    code: planned.code, phase: planned.phase, exchange: planned.exchange,
                    notify: planned.notify == nil
                        ? nil : NotifyCode(ISAKMPNotifyType.invalidMajorVersion),
                    refusedBy: planned.refusedByRole,
                    reportedBy: planned.refusedByRole, reason: planned.reason),
                refusedBy: planned.refusedBy, title: FailureExplainer.title(planned.code),
                nearestMiss: nil, changes: planned.changes, plannedReason: planned.reason)
        }
        return DirectionRun(
            initiator: initiator.label, responder: responder.label, plan: plan, status: .failed,
            transcript: [], ikeSA: nil, children: [], rekeys: [],
            checks: [
                VerificationCheck(
                    name: "phase 1", result: .failed,
                    detail: plan.failure?.reason ?? "the ends speak different IKE versions")
            ],
            failures: failures.map { [$0] } ?? [], disagreements: [], unavailableReason: nil,
            capture: [], initiatorAddress: nil, responderAddress: nil)
    }
}
