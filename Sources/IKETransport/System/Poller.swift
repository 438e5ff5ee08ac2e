#if canImport(Glibc)
    import Glibc
#endif

/// Waits for sockets to become readable: `poll(2)` over a few descriptors.
enum Poller {
    /// The descriptors among `descriptors` with data to read, waiting at most `timeout`
    /// seconds (0 returns at once). An interrupted wait returns no descriptor.
    static func readable(_ descriptors: [Int32], timeout: Double) throws(TransportError)
        -> [Int32]
    {
        var entries = descriptors.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
        let milliseconds = Int32(clamping: Int64((max(0, timeout) * 1000).rounded(.up)))
        let count = entries.withUnsafeMutableBufferPointer { buffer in
            poll(buffer.baseAddress, nfds_t(buffer.count), milliseconds)
        }
        if count < 0 {
            if errno == EINTR { return [] }
            throw TransportError(
                .pollFailed, "poll over \(descriptors.count) sockets",
                systemError: errno)
        }
        let ready = Int16(POLLIN) | Int16(POLLERR) | Int16(POLLHUP)
        return entries.filter { $0.revents & ready != 0 }.map(\.fd)
    }
}
