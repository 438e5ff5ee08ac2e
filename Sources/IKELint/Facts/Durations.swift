/// Durations and sizes as a person writes them.
enum Durations {
    /// `90s`, `5m`, `1h30m`, `2d`.
    static func text(_ seconds: Int) -> String {
        if seconds == 0 { return "0s" }
        var parts: [String] = []
        var rest = seconds
        for (unit, size) in [("d", 86_400), ("h", 3600), ("m", 60), ("s", 1)] where rest >= size {
            parts.append("\(rest / size)\(unit)")
            rest %= size
        }
        return parts.joined()
    }

    /// `512 KiB`, `4 MiB`, or bytes when not a whole number of KiB.
    static func size(_ bytes: UInt64) -> String {
        for (unit, size) in [("GiB", UInt64(1) << 30), ("MiB", 1 << 20), ("KiB", 1 << 10)]
        where bytes >= size && bytes % size == 0 {
            return "\(bytes / size) \(unit)"
        }
        return "\(bytes) bytes"
    }
}
