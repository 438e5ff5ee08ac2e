// RFC 7296 section 3.15: the Configuration payload (CP).
//
//    0                   1                   2                   3
//   +---------------+-----------------------------------------------+
//   |   CFG Type    |                    RESERVED                   |
//   +---------------+-----------------------------------------------+
//   ~                   Configuration Attributes                    ~
//   +---------------------------------------------------------------+
//
// Section 3.15.1, one attribute (always length-prefixed; R is reserved):
//
//   +-+-----------------------------+-------------------------------+
//   |R|    Attribute Type (15)      |            Length             |
//   +-+-----------------------------+-------------------------------+
//   ~                        Value (Length octets)                  ~
//   +---------------------------------------------------------------+

/// The CP payload: a request, reply, set or acknowledgement of configuration attributes.
public struct IKEv2ConfigurationPayload: Hashable, Sendable {
    /// CFG Type numbers.
    public struct ConfigurationType: RawRepresentable, Hashable, Sendable {
        /// The CFG Type number.
        public let rawValue: UInt8
        /// A CFG type from its number.
        public init(rawValue: UInt8) { self.rawValue = rawValue }
        /// 1: CFG_REQUEST.
        public static let request = Self(rawValue: 1)
        /// 2: CFG_REPLY.
        public static let reply = Self(rawValue: 2)
        /// 3: CFG_SET.
        public static let set = Self(rawValue: 3)
        /// 4: CFG_ACK.
        public static let ack = Self(rawValue: 4)
    }

    /// The CFG Type.
    public var configurationType: ConfigurationType
    /// The attributes in order.
    public var attributes: [IKEv2ConfigurationAttribute]

    /// A CP payload.
    public init(configurationType: ConfigurationType, attributes: [IKEv2ConfigurationAttribute]) {
        self.configurationType = configurationType
        self.attributes = attributes
    }

    init(body reader: inout ByteReader, type: UInt8) throws(WireError) {
        configurationType = ConfigurationType(rawValue: try reader.field8("CFG Type", in: type))
        _ = try reader.fieldBytes(3, "RESERVED", in: type)
        var attributes: [IKEv2ConfigurationAttribute] = []
        while !reader.isAtEnd {
            let word = try reader.field16("Attribute Type", in: type)
            let length = try reader.field16("Length", in: type)
            let value = try reader.fieldBytes(Int(length), "attribute value", in: type)
            attributes.append(
                IKEv2ConfigurationAttribute(
                    type: IKEv2ConfigurationAttribute.AttributeType(rawValue: word & 0x7FFF),
                    value: value))
        }
        self.attributes = attributes
    }

    func write(to writer: inout ByteWriter, type: UInt8) throws(WireError) {
        writer.write(configurationType.rawValue)
        writer.writeZeros(3)
        for attribute in attributes {
            guard attribute.type.rawValue < 0x8000 else {
                throw WireError(
                    .valueTooLarge, payloadType: type, offset: writer.count,
                    detail: "attribute type \(attribute.type.rawValue) does not fit 15 bits")
            }
            writer.write(attribute.type.rawValue)
            writer.write(
                try UInt16.field(
                    attribute.value.count, "attribute length", payloadType: type,
                    offset: writer.count))
            writer.write(attribute.value)
        }
    }
}

/// One configuration attribute: a type and a value (empty in a request for "any").
public struct IKEv2ConfigurationAttribute: Hashable, Sendable {
    /// Configuration Attribute Types (RFC 7296 section 3.15.1, IANA "IKEv2 Configuration
    /// Payload Attribute Types"); unknown numbers are kept.
    public struct AttributeType: RawRepresentable, Hashable, Sendable {
        /// The 15-bit type number.
        public let rawValue: UInt16
        /// An attribute type from its number.
        public init(rawValue: UInt16) { self.rawValue = rawValue }
        /// 1: INTERNAL_IP4_ADDRESS.
        public static let internalIP4Address = Self(rawValue: 1)
        /// 2: INTERNAL_IP4_NETMASK.
        public static let internalIP4Netmask = Self(rawValue: 2)
        /// 3: INTERNAL_IP4_DNS.
        public static let internalIP4DNS = Self(rawValue: 3)
        /// 4: INTERNAL_IP4_NBNS.
        public static let internalIP4NBNS = Self(rawValue: 4)
        /// 6: INTERNAL_IP4_DHCP.
        public static let internalIP4DHCP = Self(rawValue: 6)
        /// 7: APPLICATION_VERSION.
        public static let applicationVersion = Self(rawValue: 7)
        /// 8: INTERNAL_IP6_ADDRESS.
        public static let internalIP6Address = Self(rawValue: 8)
        /// 10: INTERNAL_IP6_DNS.
        public static let internalIP6DNS = Self(rawValue: 10)
        /// 12: INTERNAL_IP6_DHCP.
        public static let internalIP6DHCP = Self(rawValue: 12)
        /// 13: INTERNAL_IP4_SUBNET.
        public static let internalIP4Subnet = Self(rawValue: 13)
        /// 14: SUPPORTED_ATTRIBUTES.
        public static let supportedAttributes = Self(rawValue: 14)
        /// 15: INTERNAL_IP6_SUBNET.
        public static let internalIP6Subnet = Self(rawValue: 15)
        /// 25: INTERNAL_DNS_DOMAIN (RFC 8598).
        public static let internalDNSDomain = Self(rawValue: 25)
    }

    /// The attribute type.
    public var type: AttributeType
    /// The value.
    public var value: [UInt8]

    /// An attribute.
    public init(type: AttributeType, value: [UInt8] = []) {
        self.type = type
        self.value = value
    }
}
