/// Messages that rules write for thousands of peers, put together in one allocation:
/// interpolating grows the string and appends each part through the general path, which
/// costs more than the rule's own work when a large policy gets a finding per peer.
enum MessageText {
    /// `parts` one after another, the same text as interpolating them.
    static func joined(_ parts: [String]) -> String {
        var count = 0
        for part in parts { count += part.utf8.count }
        return String(unsafeUninitializedCapacity: count) { buffer in
            var offset = 0
            for var part in parts {
                offset += part.withUTF8 { bytes in
                    let target = UnsafeMutableBufferPointer(rebasing: buffer[offset...])
                    return target.initialize(fromContentsOf: bytes)
                }
            }
            return offset
        }
    }
}
