import IKECore
import IKEDiagnostics
import IKEEngine
import IKEPolicy

/// JSON forms of the values plans and reports share. Keys are kebab-case and every object
/// lists its keys in a fixed order, so outputs are byte-identical across runs.
enum JSONEncoding {
    static func proposal(_ proposal: Proposal?) -> JSONValue {
        guard let proposal else { return .null }
        return .string(PlanText.proposal(proposal))
    }

    static func proposals(_ proposals: [Proposal]) -> JSONValue {
        .array(proposals.map { .string(PlanText.proposal($0)) })
    }

    static func selectors(_ selectors: [TrafficSelector]) -> JSONValue {
        .array(selectors.map { .string($0.description) })
    }

    static func group(_ group: DHGroup?) -> JSONValue {
        group.map { .string(Transform.dhGroup($0).keyword) } ?? .null
    }

    static func identity(_ identity: Identity?) -> JSONValue {
        identity.map { .string($0.description) } ?? .null
    }

    static func location(_ location: PolicyLocation) -> JSONValue {
        .object([
            ("file", .string(location.file)),
            ("key-path", .string(location.keyPath)),
            ("line", location.span.map { .int($0.start.line) } ?? .null),
            ("column", location.span.map { .int($0.start.column) } ?? .null),
        ])
    }

    static func change(_ change: SuggestedChange) -> JSONValue {
        .object([
            ("summary", .string(change.summary)),
            ("location", location(change.location)),
            ("replacement", .optional(change.replacement)),
        ])
    }

    static func nearestMiss(_ miss: NearestMiss?) -> JSONValue {
        guard let miss, !miss.differences.isEmpty else { return .null }
        return .object([
            ("offered", .string(PlanText.childProposal(miss.offered))),
            ("configured", .string(PlanText.childProposal(miss.configured))),
            ("summary", .string(miss.summary)),
            (
                "differences",
                .array(
                    miss.differences.map { difference in
                        .object([
                            ("type", .string(difference.type.name)),
                            ("offered", .array(difference.offered.map { .string($0.keyword) })),
                            (
                                "configured",
                                .array(difference.configured.map { .string($0.keyword) })
                            ),
                        ])
                    })
            ),
        ])
    }

    static func phase(_ phase: NegotiationFailure.Phase) -> JSONValue {
        .string(phase.description)
    }

    static func failure(_ failure: PredictedFailure?) -> JSONValue {
        guard let failure else { return .null }
        return .object([
            ("phase", phase(failure.phase)),
            ("code", .string(failure.code.rawValue)),
            ("exchange", .string(failure.exchange)),
            ("notify", .optional(failure.notify)),
            ("refused-by", .string(failure.refusedBy)),
            ("refused-by-role", .string(failure.refusedByRole.rawValue)),
            ("reason", .string(failure.reason)),
            ("nearest-miss", nearestMiss(failure.nearestMiss)),
            ("changes", .array(failure.changes.map(change))),
        ])
    }

    static func optionalInt<T: BinaryInteger>(_ value: T?) -> JSONValue {
        value.map { .int(Int($0)) } ?? .null
    }
}
