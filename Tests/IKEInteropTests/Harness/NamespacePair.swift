import Foundation

/// Two network namespaces joined by one veth pair: the daemon's side ("peer", 192.0.2.1
/// and fd00:2::1 on the veth) and ikec's side ("ikec", 192.0.2.2 and fd00:2::2). Inner
/// addresses (the selectors) sit on `lo` of the daemon's side, where its userspace ESP
/// needs them; ikec carries ESP itself and needs none. Nothing is added to the root
/// namespace but the veth pair's creation, which moves both ends away at once.
final class NamespacePair {
    static let peerAddress = "192.0.2.1"
    static let ikecAddress = "192.0.2.2"
    static let peerAddress6 = "fd00:2::1"
    static let ikecAddress6 = "fd00:2::2"
    /// The daemon's inner addresses: one in each selector the cases use.
    static let peerInner = ["10.1.0.1/32", "10.1.1.1/32", "fd00:a:1::1/128"]

    /// Names start with this, then the process id: a later run removes what a killed run
    /// left behind.
    static let prefix = "ikx"
    private nonisolated(unsafe) static var counter = 0
    private static let lock = NSLock()

    /// The daemon's namespace.
    let peer: String
    /// ikec's namespace.
    let ikec: String
    private var removed = false

    /// Makes the pair; on failure removes what was made.
    init() throws {
        Self.lock.lock()
        Self.counter += 1
        let number = Self.counter
        Self.lock.unlock()
        let stem = "\(Self.prefix)\(getpid())n\(number)"
        peer = stem + "p"
        ikec = stem + "i"
        do {
            try build(vethStem: "ikx\(getpid() % 100_000)n\(number)")
        } catch {
            remove()
            throw error
        }
    }

    deinit { remove() }

    private func build(vethStem: String) throws {
        let peerLink = vethStem + "p"
        let ikecLink = vethStem + "i"
        try Command.check(["ip", "netns", "add", peer])
        try Command.check(["ip", "netns", "add", ikec])
        try Command.check([
            "ip", "link", "add", peerLink, "netns", peer, "type", "veth", "peer", "name",
            ikecLink, "netns", ikec,
        ])
        for (namespace, link, v4, v6) in [
            (peer, peerLink, Self.peerAddress, Self.peerAddress6),
            (ikec, ikecLink, Self.ikecAddress, Self.ikecAddress6),
        ] {
            try Command.check(["ip", "-n", namespace, "link", "set", "lo", "up"])
            try Command.check(["ip", "-n", namespace, "addr", "add", "\(v4)/24", "dev", link])
            try Command.check([
                "ip", "-n", namespace, "addr", "add", "\(v6)/64", "dev", link, "nodad",
            ])
            try Command.check(["ip", "-n", namespace, "link", "set", link, "up"])
        }
        for address in Self.peerInner {
            try Command.check(["ip", "-n", peer, "addr", "add", address, "dev", "lo"])
        }
    }

    /// `ip netns exec NAMESPACE arguments...`.
    static func exec(_ namespace: String, _ arguments: [String]) -> [String] {
        ["ip", "netns", "exec", namespace] + arguments
    }

    /// Kills what runs inside and deletes both namespaces (the veth pair goes with them).
    func remove() {
        guard !removed else { return }
        removed = true
        Self.delete(peer)
        Self.delete(ikec)
    }

    /// Removes namespaces of earlier runs whose process is gone.
    static func removeStale() {
        guard let list = try? Command.run(["ip", "netns", "list"]) else { return }
        for line in list.stdout.split(separator: "\n") {
            let name = String(line.split(separator: " ").first ?? "")
            guard name.hasPrefix(prefix) else { continue }
            let digits = name.dropFirst(prefix.count).prefix { $0.isNumber }
            guard let pid = Int32(digits), pid != getpid(), kill(pid, 0) != 0 else { continue }
            delete(name)
        }
    }

    private static func delete(_ namespace: String) {
        if let pids = try? Command.run(["ip", "netns", "pids", namespace]) {
            for pid in pids.stdout.split(separator: "\n").compactMap({ Int32($0) }) {
                kill(pid, SIGKILL)
            }
        }
        _ = try? Command.run(["ip", "netns", "delete", namespace])
    }
}
