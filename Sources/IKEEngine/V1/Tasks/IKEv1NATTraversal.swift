import IKECore
import IKECrypto
import IKEWire

// RFC 3947 sections 3 and 4: both peers announce NAT traversal with a vendor ID (the MD5
// of "RFC 3947"); NAT-D payloads then carry HASH(CKY-I | CKY-R | IP | Port) under the
// negotiated hash, the peer's (destination) address first, then ours (source). A peer
// compares them with the addresses it sees; any difference reveals a NAT, and IKE moves
// to port 4500 from the next message on. RFC 3706: the DPD vendor ID announces dead peer
// detection. A peer that wants UDP encapsulation anyway sends a source hash that cannot
// match (what strongSwan does with kernel-libipsec).

/// NAT traversal and capability vendor IDs.
enum IKEv1NATTraversal {
    /// MD5("RFC 3947").
    static let natTraversalVendorID: [UInt8] = [
        0x4A, 0x13, 0x1C, 0x81, 0x07, 0x03, 0x58, 0x45, 0x5C, 0x57, 0x28, 0xF2, 0x0E, 0x95, 0x45,
        0x2F,
    ]
    /// RFC 3706 section 5.1: DPD, version 1.0.
    static let dpdVendorID: [UInt8] = [
        0xAF, 0xCA, 0xD7, 0x13, 0x68, 0xA1, 0xF1, 0xC9, 0x6B, 0x86, 0x96, 0xFC, 0x77, 0x57, 0x01,
        0x00,
    ]

    /// The vendor IDs we send in the first two messages.
    static var vendorIDs: [ISAKMPPayload] {
        [
            .vendorID(ISAKMPVendorIDPayload(data: natTraversalVendorID)),
            .vendorID(ISAKMPVendorIDPayload(data: dpdVendorID)),
        ]
    }

    /// Whether `payloads` announce RFC 3947.
    static func announcesNATTraversal(_ payloads: [ISAKMPPayload]) -> Bool {
        payloads.contains { payload in
            if case .vendorID(let vendor) = payload { return vendor.data == natTraversalVendorID }
            return false
        }
    }

    /// Whether `payloads` announce dead peer detection.
    static func announcesDPD(_ payloads: [ISAKMPPayload]) -> Bool {
        payloads.contains { payload in
            if case .vendorID(let vendor) = payload { return vendor.data == dpdVendorID }
            return false
        }
    }

    /// HASH(CKY-I | CKY-R | IP | Port).
    static func hash(
        _ hash: HashAlgorithm, initiatorCookie: UInt64, responderCookie: UInt64,
        endpoint: Endpoint
    ) throws -> [UInt8] {
        var input = IKEv1KeyDerivation.cookies(initiatorCookie, responderCookie)
        input += endpoint.address.octets
        input.append(UInt8(truncatingIfNeeded: endpoint.port >> 8))
        input.append(UInt8(truncatingIfNeeded: endpoint.port))
        return try Hash(hash).digest(input)
    }

    /// Our NAT-D payloads for a message from `source` to `destination`; with `fake` the
    /// source hash is random.
    static func payloads(
        _ hashAlgorithm: HashAlgorithm, initiatorCookie: UInt64, responderCookie: UInt64,
        source: Endpoint, destination: Endpoint, fake: Bool, random: RandomSource
    ) throws -> [ISAKMPPayload] {
        let destinationHash = try hash(
            hashAlgorithm, initiatorCookie: initiatorCookie, responderCookie: responderCookie,
            endpoint: destination)
        let sourceHash =
            fake
            ? random.bytes(hashAlgorithm.digestLength)
            : try hash(
                hashAlgorithm, initiatorCookie: initiatorCookie,
                responderCookie: responderCookie, endpoint: source)
        return [
            .natDiscovery(ISAKMPNATDiscoveryPayload(hash: destinationHash)),
            .natDiscovery(ISAKMPNATDiscoveryPayload(hash: sourceHash)),
        ]
    }

    /// Whether the peer's NAT-D payloads reveal a NAT on either side; nil when it sent
    /// none.
    static func natDetected(
        in payloads: [ISAKMPPayload], hash hashAlgorithm: HashAlgorithm, initiatorCookie: UInt64,
        responderCookie: UInt64, datagram: Datagram
    ) throws -> Bool? {
        var hashes: [[UInt8]] = []
        for case .natDiscovery(let discovery) in payloads { hashes.append(discovery.hash) }
        guard let destination = hashes.first, hashes.count >= 2 else { return nil }
        let ours = try hash(
            hashAlgorithm, initiatorCookie: initiatorCookie, responderCookie: responderCookie,
            endpoint: datagram.destination)
        let theirs = try hash(
            hashAlgorithm, initiatorCookie: initiatorCookie, responderCookie: responderCookie,
            endpoint: datagram.source)
        return destination != ours || !hashes.dropFirst().contains(theirs)
    }
}
