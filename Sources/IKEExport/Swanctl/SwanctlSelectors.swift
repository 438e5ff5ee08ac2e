import IKECore
import IKEPolicy

/// Traffic selectors in swanctl's syntax (swanctl.conf(5), `local_ts`): a CIDR prefix or
/// an address range, then `[protocol/port]` when restricted.
enum SwanctlSelectors {
    /// Protocol names charon resolves through getprotobyname(3); each is the /etc/protocols
    /// keyword of Debian's netbase. Any other protocol is written as its number, which
    /// charon reads without a lookup.
    static let protocolNames: [UInt8: String] = [
        1: "icmp", 2: "igmp", 6: "tcp", 17: "udp", 47: "gre", 50: "esp", 51: "ah",
        58: "ipv6-icmp", 132: "sctp",
    ]

    /// The selectors of one side. `dynamic` stands for the address actually used, which is
    /// what the policy means when the peer's address is `any` (and, in IKEv1, where only
    /// one selector fits, when the side's selectors default to our own addresses).
    static func render(_ list: SelectorList, version: IKEVersion) -> [String] {
        switch list.origin {
        case .dynamic:
            return ["dynamic"]
        case .addressDefault where version == .v1:
            return ["dynamic"]
        case .addressDefault, .written:
            return list.selectors.map { render($0.value) }
        }
    }

    /// One selector: `10.1.0.0/16`, `10.0.0.1-10.0.0.9`, `10.1.1.0/24[tcp/443]`,
    /// `0.0.0.0/0[udp/1000-2000]`. ICMP's type and code stay in the port field in the RFC
    /// 4301 encoding (type in the high octet), as both ikec and charon keep them.
    static func render(_ selector: TrafficSelector) -> String {
        var text: String
        if let network = selector.network {
            text = network.description
        } else {
            text = "\(selector.startAddress)-\(selector.endAddress)"
        }
        guard !selector.isAnyProtocolAndPort else { return text }
        let name = protocolNames[selector.ipProtocol] ?? String(selector.ipProtocol)
        text += "[" + (selector.ipProtocol == 0 ? "any" : name)
        if selector.startPort == selector.endPort {
            text += "/\(selector.startPort)"
        } else if !(selector.startPort == 0 && selector.endPort == 65535) {
            text += "/\(selector.startPort)-\(selector.endPort)"
        }
        return text + "]"
    }
}
