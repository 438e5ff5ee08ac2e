import IKECore

// RFC 7296 section 3.13: the TSi and TSr payloads.
//
//    0                   1                   2                   3
//   +---------------+-----------------------------------------------+
//   | Number of TSs |                 RESERVED                      |
//   +---------------+-----------------------------------------------+
//   ~                       Traffic Selectors                       ~
//   +---------------------------------------------------------------+
//
// Section 3.13.1, one Traffic Selector of type 7 (IPv4, 4-octet addresses, length 16) or
// 8 (IPv6, 16-octet addresses, length 40):
//
//   +---------------+---------------+-------------------------------+
//   |   TS Type     | IP Protocol ID|   Selector Length (all of it) |
//   +---------------+---------------+-------------------------------+
//   |           Start Port          |           End Port            |
//   +-------------------------------+-------------------------------+
//   ~                         Starting Address                      ~
//   ~                         Ending Address                        ~
//   +---------------------------------------------------------------+
//
// Other TS types (TS_FC_ADDR_RANGE, TS_SECLABEL) share only the first word: type, one
// octet, length. They are kept as they are.

/// A TSi or TSr payload: traffic selectors, any of which may match.
public struct IKEv2TrafficSelectorPayload: Hashable, Sendable {
    /// The selectors in order.
    public var selectors: [IKEv2TrafficSelector]

    /// A TS payload from wire selectors.
    public init(selectors: [IKEv2TrafficSelector]) { self.selectors = selectors }

    /// A TS payload of IPv4 and IPv6 address range selectors.
    public init(_ selectors: [TrafficSelector]) {
        self.init(selectors: selectors.map(IKEv2TrafficSelector.addressRange))
    }

    /// The address range selectors as `IKECore.TrafficSelector`s; other types are left out.
    public var trafficSelectors: [TrafficSelector] {
        selectors.compactMap { selector in
            if case .addressRange(let range) = selector { return range }
            return nil
        }
    }

    init(body reader: inout ByteReader, type: UInt8) throws(WireError) {
        let count = try reader.field8("Number of TSs", in: type)
        _ = try reader.fieldBytes(3, "RESERVED", in: type)
        var selectors: [IKEv2TrafficSelector] = []
        selectors.reserveCapacity(Int(count))
        for _ in 0..<count {
            selectors.append(try IKEv2TrafficSelector(reading: &reader, type: type))
        }
        guard reader.isAtEnd else {
            throw reader.malformed(
                "\(reader.remaining) octets after the \(count) traffic selectors", in: type)
        }
        self.selectors = selectors
    }

    func write(to writer: inout ByteWriter, type: UInt8) throws(WireError) {
        writer.write(
            try UInt8.field(selectors.count, "TS count", payloadType: type, offset: writer.count))
        writer.writeZeros(3)
        for selector in selectors { try selector.write(to: &writer, type: type) }
    }
}

/// One Traffic Selector substructure.
public enum IKEv2TrafficSelector: Hashable, Sendable {
    /// TS_IPV4_ADDR_RANGE (7) or TS_IPV6_ADDR_RANGE (8), by the selector's family.
    case addressRange(TrafficSelector)
    /// Any other TS Type: the type, the octet after it, and the octets after the Selector
    /// Length field.
    case unknown(type: UInt8, secondOctet: UInt8, data: [UInt8])

    /// TS_IPV4_ADDR_RANGE.
    public static let ipv4AddressRangeType: UInt8 = 7
    /// TS_IPV6_ADDR_RANGE.
    public static let ipv6AddressRangeType: UInt8 = 8

    init(reading reader: inout ByteReader, type payloadType: UInt8) throws(WireError) {
        let tsType = try reader.field8("TS Type", in: payloadType)
        let second = try reader.field8("IP Protocol ID", in: payloadType)
        let length = try reader.field16("Selector Length", in: payloadType)
        guard length >= 4 else {
            throw reader.malformed("selector length \(length) is below 4", in: payloadType)
        }
        var window = try reader.fieldWindow(Int(length) - 4, "traffic selector", in: payloadType)

        let addressSize: Int
        switch tsType {
        case Self.ipv4AddressRangeType: addressSize = 4
        case Self.ipv6AddressRangeType: addressSize = 16
        default:
            self = .unknown(type: tsType, secondOctet: second, data: window.readRest())
            return
        }
        guard Int(length) == 8 + 2 * addressSize else {
            throw window.malformed(
                "TS type \(tsType) needs length \(8 + 2 * addressSize), not \(length)",
                in: payloadType)
        }
        let startPort = try window.field16("Start Port", in: payloadType)
        let endPort = try window.field16("End Port", in: payloadType)
        let start = try window.fieldBytes(addressSize, "Starting Address", in: payloadType)
        let end = try window.fieldBytes(addressSize, "Ending Address", in: payloadType)
        guard let startAddress = IPAddress(octets: start), let endAddress = IPAddress(octets: end)
        else { throw window.malformed("address of the wrong size", in: payloadType) }
        self = .addressRange(
            TrafficSelector(
                startAddress: startAddress, endAddress: endAddress, ipProtocol: second,
                startPort: startPort, endPort: endPort))
    }

    func write(to writer: inout ByteWriter, type payloadType: UInt8) throws(WireError) {
        let start = writer.count
        switch self {
        case .addressRange(let selector):
            writer.write(selector.isIPv4 ? Self.ipv4AddressRangeType : Self.ipv6AddressRangeType)
            writer.write(selector.ipProtocol)
            writer.write(UInt16(0))
            writer.write(selector.startPort)
            writer.write(selector.endPort)
            writer.write(selector.startAddress.octets)
            writer.write(selector.endAddress.octets)
        case .unknown(let type, let second, let data):
            writer.write(type)
            writer.write(second)
            writer.write(UInt16(0))
            writer.write(data)
        }
        try writer.patchLength16(at: start + 2, from: start, payloadType: payloadType)
    }
}
