import IKECore
import IKEDiagnostics
import IKEEngine

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

        // Both ends' engine configurations, each in its own IKE version.
        var configurations: (IKEPeerConfiguration, IKEPeerConfiguration)?
        do {
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
            guard let (configA, configB) = configurations else { continue }
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
