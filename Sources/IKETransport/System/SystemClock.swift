#if canImport(Glibc)
    import Glibc
#endif

/// The clocks the transport reads: a monotonic one for timers (it never jumps when the
/// wall clock is set) and the wall clock for capture timestamps.
public enum SystemClock {
    /// Seconds on the monotonic clock, from an arbitrary origin.
    public static func monotonic() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1_000_000_000
    }

    /// Microseconds since the Unix epoch on the wall clock.
    public static func microsecondsSinceEpoch() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return UInt64(max(0, time.tv_sec)) * 1_000_000 + UInt64(max(0, time.tv_nsec)) / 1_000
    }
}
