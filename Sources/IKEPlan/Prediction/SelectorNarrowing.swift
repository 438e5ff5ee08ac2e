import IKECore

// RFC 7296 section 2.9: the responder narrows the initiator's TSi and TSr to the parts its
// policy allows, the intersection of each proposed selector with each configured one,
// and answers TS_UNACCEPTABLE when either side's intersection is empty. IKEv1 (RFC 2409
// section 5.5) has no narrowing: the quick mode identities must lie inside the
// responder's policy, or it answers INVALID-ID-INFORMATION.

/// The plan's prediction of selector narrowing.
public enum SelectorNarrowing {
    /// Every non-empty intersection of a proposed selector with a configured one, in the
    /// proposed order, each once.
    public static func narrow(_ proposed: [TrafficSelector], to allowed: [TrafficSelector])
        -> [TrafficSelector]
    {
        var narrowed: [TrafficSelector] = []
        for selector in proposed {
            for limit in allowed {
                guard let common = selector.intersection(limit), !narrowed.contains(common)
                else { continue }
                narrowed.append(common)
            }
        }
        return narrowed
    }

    /// IKEv1: whether `proposed` lies inside one of `allowed`.
    public static func isContained(_ proposed: TrafficSelector, in allowed: [TrafficSelector])
        -> Bool
    {
        allowed.contains { $0.contains(proposed) }
    }
}
