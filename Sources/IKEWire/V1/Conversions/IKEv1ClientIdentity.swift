import IKECore

// RFC 2409 section 5.5 and RFC 2407 section 4.6.2: quick mode client IDs (IDci, IDcr)
// express a traffic selector as an address, a subnet (address and mask) or a range,
// with one IP protocol and one port (0 for any).

extension ISAKMPIdentificationPayload {
    /// The client ID for a selector: ID_IPV4_ADDR / ID_IPV6_ADDR for a single host,
    /// ..._SUBNET for a prefix, ..._RANGE otherwise. Nil when the port range is neither
    /// one port nor all ports, which IKEv1 cannot express.
    public init?(clientID selector: TrafficSelector) {
        let port: UInt16
        if selector.startPort == 0 && selector.endPort == 65535 {
            port = 0
        } else if selector.startPort == selector.endPort {
            port = selector.startPort
        } else {
            return nil
        }

        let v4 = selector.isIPv4
        let data: IdentificationData
        if selector.isSingleHost {
            let type: IdentificationType = v4 ? .ipv4Address : .ipv6Address
            data = IdentificationData(rawType: type.rawValue, data: selector.startAddress.octets)
        } else if let network = selector.network {
            let type: IdentificationType = v4 ? .ipv4Subnet : .ipv6Subnet
            let mask = network.address.familyZero.filling(afterPrefix: 0, with: true)
                .filling(afterPrefix: network.prefixLength, with: false)
            data = IdentificationData(
                rawType: type.rawValue, data: selector.startAddress.octets + mask.octets)
        } else {
            let type: IdentificationType = v4 ? .ipv4Range : .ipv6Range
            data = IdentificationData(
                rawType: type.rawValue,
                data: selector.startAddress.octets + selector.endAddress.octets)
        }
        self.init(data, protocolID: selector.ipProtocol, port: port)
    }

    /// The selector a client ID stands for; nil for a non-address type, data of the wrong
    /// size, a subnet mask that is not contiguous, or a range whose start is after its end.
    public var trafficSelector: TrafficSelector? {
        let octets = identification.data
        let ports: ClosedRange<UInt16> = port == 0 ? 0...65535 : port...port
        func selector(_ start: IPAddress, _ end: IPAddress) -> TrafficSelector? {
            guard start <= end else { return nil }
            return TrafficSelector(
                startAddress: start, endAddress: end, ipProtocol: protocolID,
                startPort: ports.lowerBound, endPort: ports.upperBound)
        }

        switch identification.type {
        case .ipv4Address, .ipv6Address:
            let size = identification.type == .ipv4Address ? 4 : 16
            guard octets.count == size, let host = IPAddress(octets: octets) else { return nil }
            return selector(host, host)
        case .ipv4Subnet, .ipv6Subnet:
            let size = identification.type == .ipv4Subnet ? 4 : 16
            guard octets.count == 2 * size, let address = IPAddress(octets: Array(octets[..<size])),
                let prefix = Self.prefixLength(ofMask: Array(octets[size...])),
                let network = IPNetwork(address: address, prefixLength: prefix)
            else { return nil }
            return selector(network.first, network.last)
        case .ipv4Range, .ipv6Range:
            let size = identification.type == .ipv4Range ? 4 : 16
            guard octets.count == 2 * size, let start = IPAddress(octets: Array(octets[..<size])),
                let end = IPAddress(octets: Array(octets[size...]))
            else { return nil }
            return selector(start, end)
        default:
            return nil
        }
    }

    // The prefix length of a contiguous mask (ones, then zeros); nil otherwise.
    private static func prefixLength(ofMask mask: [UInt8]) -> Int? {
        var length = 0
        var seenZero = false
        for byte in mask {
            for bit in (0..<8).reversed() {
                let set = byte >> UInt8(bit) & 1 == 1
                if set && seenZero { return nil }
                if set { length += 1 } else { seenZero = true }
            }
        }
        return length
    }
}
