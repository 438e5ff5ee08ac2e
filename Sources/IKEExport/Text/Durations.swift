/// How ikec's lifetimes become the daemons' soft and hard limits.
///
/// A policy lifetime is the SA's lifetime: how long its keys may be used, the value IKEv1
/// carries in its Life Duration attribute (RFC 2407 section 4.5, RFC 2409 appendix A). The
/// SA must be replaced before it ends, so the rekey (or reauthentication) starts at 90% of
/// it, the same proportion strongSwan uses between its own defaults.
enum LifetimeSplit {
    /// The soft limit for a hard limit `value`: 90%, rounded down.
    static func soft(_ value: UInt64) -> UInt64 { value / 10 * 9 + value % 10 * 9 / 10 }

    /// The margin between the soft and the hard limit.
    static func margin(_ value: UInt64) -> UInt64 { value - soft(value) }
}

/// Renders durations the way people write them: the largest unit that divides exactly.
enum DurationText {
    /// `4h`, `90m`, `25920s`, `1d` (strongSwan's and Libreswan's suffixes agree).
    static func render(seconds: UInt64) -> String {
        if seconds > 0 && seconds % 86400 == 0 { return "\(seconds / 86400)d" }
        if seconds > 0 && seconds % 3600 == 0 { return "\(seconds / 3600)h" }
        if seconds > 0 && seconds % 60 == 0 { return "\(seconds / 60)m" }
        return "\(seconds)s"
    }
}
