/// The lifetime of an IKE SA: seconds in both versions, and for IKEv1 optionally a volume
/// in kilobytes (RFC 2407 section 4.5, SA Life Type 2).
public struct IKELifetime: Sendable, Hashable, Codable {
    /// Seconds until the SA must be rekeyed or replaced.
    public var seconds: UInt64
    /// IKEv1 only: kilobytes protected before the SA expires; nil for no volume limit.
    public var kilobytes: UInt64?

    /// A lifetime; the default is strongSwan's four hours.
    public init(seconds: UInt64 = 14_400, kilobytes: UInt64? = nil) {
        self.seconds = seconds
        self.kilobytes = kilobytes
    }
}

/// The lifetime of a Child SA (IKEv1: an IPsec SA): time, volume and packet limits; nil
/// for no limit of that kind.
public struct ChildLifetime: Sendable, Hashable, Codable {
    /// Seconds until rekeying.
    public var seconds: UInt64
    /// Octets protected before rekeying.
    public var bytes: UInt64?
    /// Packets protected before rekeying.
    public var packets: UInt64?

    /// A lifetime; the default is strongSwan's one hour.
    public init(seconds: UInt64 = 3_600, bytes: UInt64? = nil, packets: UInt64? = nil) {
        self.seconds = seconds
        self.bytes = bytes
        self.packets = packets
    }
}
