import IKECore
import IKEWire

// RFC 2407 section 4.5 and RFC 2409 appendix A: the initiator proposes life types and
// durations (seconds, kilobytes) in each transform; a transform without a duration in
// seconds means 28,800 seconds (RFC 2407 section 4.5). RFC 2407 section 4.6.3.1: a
// responder that accepts a proposal but wants a shorter lifetime says so with a
// RESPONDER-LIFETIME notification carrying life type and duration attributes, and the
// initiator adopts them. What a responder does with a longer proposal is its policy
// (Cisco and Libreswan practice): take it, take it and announce its own, or refuse it.
// A proposal no longer than ours in both units is always taken as proposed.

/// A lifetime in IKEv1's two units.
struct IKEv1Lifetime: Equatable {
    /// Seconds.
    var seconds: UInt64
    /// Kilobytes; nil for no volume limit.
    var kilobytes: UInt64?
}

/// The responder's lifetime decisions and the RESPONDER-LIFETIME attributes.
enum IKEv1LifetimeNegotiation {
    /// RFC 2407 section 4.5: the duration assumed when a transform gives none.
    static let defaultSeconds: UInt64 = 28_800

    /// What the responder does with a proposed lifetime.
    enum Decision: Equatable {
        /// Take it as proposed.
        case accepted(IKEv1Lifetime)
        /// Take the shorter of both and announce it with RESPONDER-LIFETIME.
        case announced(IKEv1Lifetime)
        /// Refuse the transform.
        case refused
    }

    /// The decision under `policy` for a proposal against our own lifetime.
    static func decide(
        proposedSeconds: UInt64?, proposedKilobytes: UInt64?, ours: IKEv1Lifetime,
        policy: IKEv1Options.LifetimePolicy
    ) -> Decision {
        let proposed = IKEv1Lifetime(
            seconds: proposedSeconds ?? defaultSeconds, kilobytes: proposedKilobytes)
        let longerInTime = proposed.seconds > ours.seconds
        let longerInVolume =
            ours.kilobytes.map { limit in
                proposed.kilobytes.map { $0 > limit } ?? true
            } ?? false
        guard longerInTime || longerInVolume else { return .accepted(proposed) }

        switch policy {
        case .accept:
            return .accepted(proposed)
        case .notify:
            let kilobytes: UInt64?
            switch (proposed.kilobytes, ours.kilobytes) {
            case (let left?, let right?): kilobytes = min(left, right)
            case (let left?, nil): kilobytes = left
            case (nil, let right): kilobytes = right
            }
            return .announced(
                IKEv1Lifetime(seconds: min(proposed.seconds, ours.seconds), kilobytes: kilobytes))
        case .reject:
            return .refused
        }
    }

    /// Life type and duration attributes for `lifetime`, with the attribute numbers of
    /// phase 1 (RFC 2409 appendix A: 11 and 12) or of the IPsec DOI (RFC 2407 section
    /// 4.5: 1 and 2).
    static func attributes(_ lifetime: IKEv1Lifetime, phase1: Bool) -> [DataAttribute] {
        let typeAttribute =
            phase1 ? IKEv1Phase1Attribute.lifeType : IKEv1Phase2Attribute.saLifeType
        let durationAttribute =
            phase1 ? IKEv1Phase1Attribute.lifeDuration : IKEv1Phase2Attribute.saLifeDuration
        var result = [
            DataAttribute(type: typeAttribute, value: .basic(IKEv1LifeType.seconds)),
            DataAttribute.integer(type: durationAttribute, lifetime.seconds),
        ]
        if let kilobytes = lifetime.kilobytes {
            result.append(
                DataAttribute(type: typeAttribute, value: .basic(IKEv1LifeType.kilobytes)))
            result.append(DataAttribute.integer(type: durationAttribute, kilobytes))
        }
        return result
    }

    /// The lifetime after a RESPONDER-LIFETIME notification: each unit it names replaces
    /// ours. Nil when the attributes are not life type and duration pairs.
    static func adopt(_ attributes: [DataAttribute], into current: IKEv1Lifetime, phase1: Bool)
        -> IKEv1Lifetime?
    {
        let typeAttribute =
            phase1 ? IKEv1Phase1Attribute.lifeType : IKEv1Phase2Attribute.saLifeType
        let durationAttribute =
            phase1 ? IKEv1Phase1Attribute.lifeDuration : IKEv1Phase2Attribute.saLifeDuration
        var result = current
        var pendingType: UInt16?
        for attribute in attributes {
            if attribute.type == typeAttribute, let unit = attribute.basicValue {
                pendingType = unit
            } else if attribute.type == durationAttribute, let unit = pendingType,
                let value = attribute.integerValue
            {
                switch unit {
                case IKEv1LifeType.seconds: result.seconds = value
                case IKEv1LifeType.kilobytes: result.kilobytes = value
                default: return nil
                }
                pendingType = nil
            } else {
                return nil
            }
        }
        return result
    }

    /// A Child SA's configured lifetime in IKEv1 units (bytes rounded up to kilobytes).
    static func lifetime(of child: ChildLifetime) -> IKEv1Lifetime {
        IKEv1Lifetime(
            seconds: child.seconds,
            kilobytes: child.bytes.map { $0 / 1024 + ($0 % 1024 == 0 ? 0 : 1) })
    }

    /// The Child SA lifetime after negotiation; the packet limit stays our own, since
    /// IKEv1 does not negotiate it.
    static func childLifetime(_ agreed: IKEv1Lifetime, configured: ChildLifetime)
        -> ChildLifetime
    {
        ChildLifetime(
            seconds: agreed.seconds,
            bytes: agreed.kilobytes.map { kilobytes in
                let (bytes, overflow) = kilobytes.multipliedReportingOverflow(by: 1024)
                return overflow ? UInt64.max : bytes
            },
            packets: configured.packets)
    }
}
