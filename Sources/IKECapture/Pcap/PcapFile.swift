import IKECore
import IKEEngine

/// A capture in the classic libpcap file format, built in memory and written at once.
///
/// The link type is LINKTYPE_RAW (101): each record is a bare IPv4 or IPv6 packet, which
/// Wireshark and tshark decode without inventing link-layer addresses. Timestamps come
/// from the caller, never the clock, so a dry run's capture is the same on every run.
///
///     global header (24 octets, little-endian):
///     +------------------+---------+---------+----------+----------+----------+----------+
///     | magic a1b2c3d4   | major 2 | minor 4 | thiszone | sigfigs  | snaplen  | linktype |
///     +------------------+---------+---------+----------+----------+----------+----------+
///     each record (16 octets, then the packet):
///     +------------------+------------------+-------------------+--------------------+
///     | seconds          | microseconds     | captured length   | original length    |
///     +------------------+------------------+-------------------+--------------------+
public struct PcapFile: Sendable, Hashable {
    /// LINKTYPE_RAW: raw IPv4 or IPv6, told apart by the version nibble.
    public static let linkTypeRaw: UInt32 = 101
    /// The largest packet a record holds; IP packets never exceed it.
    public static let snapshotLength: UInt32 = 65_535

    /// One captured packet.
    public struct Record: Sendable, Hashable {
        /// When it was captured.
        public let timestamp: PcapTimestamp
        /// The IP packet's octets.
        public let packet: [UInt8]
    }

    /// The records in capture order.
    public private(set) var records: [Record] = []

    /// An empty capture.
    public init() {}

    /// Adds an IP packet's octets captured at `timestamp`; `invalidInput` if they are not
    /// an IPv4 or IPv6 packet of at most 65,535 octets.
    public mutating func append(ipPacket bytes: [UInt8], at timestamp: PcapTimestamp)
        throws(CaptureError)
    {
        guard let first = bytes.first, first >> 4 == 4 || first >> 4 == 6,
            bytes.count <= Int(Self.snapshotLength)
        else {
            throw CaptureError(.invalidInput, "a record must be one IPv4 or IPv6 packet")
        }
        records.append(Record(timestamp: timestamp, packet: bytes))
    }

    /// Adds `packet`, encoded, captured at `timestamp`.
    public mutating func append(_ packet: IPPacket, at timestamp: PcapTimestamp)
        throws(CaptureError)
    {
        let bytes: [UInt8]
        do {
            bytes = try packet.encoded()
        } catch {
            throw CaptureError(.framing, error.description)
        }
        try append(ipPacket: bytes, at: timestamp)
    }

    /// The file's octets.
    public func encoded() -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(24 + records.reduce(0) { $0 + 16 + $1.packet.count })
        Self.appendLittleEndian(0xA1B2_C3D4, to: &out)
        out += [2, 0, 4, 0]
        Self.appendLittleEndian(0, to: &out)
        Self.appendLittleEndian(0, to: &out)
        Self.appendLittleEndian(Self.snapshotLength, to: &out)
        Self.appendLittleEndian(Self.linkTypeRaw, to: &out)
        for record in records {
            Self.appendLittleEndian(record.timestamp.seconds, to: &out)
            Self.appendLittleEndian(record.timestamp.microseconds, to: &out)
            Self.appendLittleEndian(UInt32(record.packet.count), to: &out)
            Self.appendLittleEndian(UInt32(record.packet.count), to: &out)
            out += record.packet
        }
        return out
    }

    /// Writes the capture to `path` atomically (a temporary file in the same folder,
    /// renamed into place), readable by its owner only.
    public func write(to path: String) throws(CaptureError) {
        try SecureFileWriter.write(encoded(), to: path)
    }

    private static func appendLittleEndian(_ value: UInt32, to out: inout [UInt8]) {
        for shift in stride(from: 0, through: 24, by: 8) {
            out.append(UInt8(truncatingIfNeeded: value >> UInt32(shift)))
        }
    }
}

/// A capture timestamp with microsecond resolution, given by the caller.
public struct PcapTimestamp: Sendable, Hashable, Comparable {
    /// Seconds since the Unix epoch.
    public let seconds: UInt32
    /// Microseconds within the second (0-999,999).
    public let microseconds: UInt32

    /// A timestamp `microseconds` after the Unix epoch (up to the year 2106).
    public init(microsecondsSinceEpoch microseconds: UInt64) {
        seconds = UInt32(truncatingIfNeeded: microseconds / 1_000_000)
        self.microseconds = UInt32(microseconds % 1_000_000)
    }

    /// Orders by time.
    public static func < (lhs: PcapTimestamp, rhs: PcapTimestamp) -> Bool {
        (lhs.seconds, lhs.microseconds) < (rhs.seconds, rhs.microseconds)
    }
}
