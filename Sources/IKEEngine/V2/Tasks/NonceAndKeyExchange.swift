import IKECore
import IKECrypto
import IKEWire

// RFC 7296 section 2.10: nonces are random, at least 128 bits and at least half the
// negotiated PRF's key size; at most 256 octets. Section 3.4 and 2.7: the KE payload
// names its group, which must be the one selected, and its data has the group's length.

/// Nonce and Diffie-Hellman helpers shared by IKE_SA_INIT and CREATE_CHILD_SA.
enum NonceAndKeyExchange {
    /// Octets in the nonces we send.
    static func nonceLength(_ options: IKEv2Options) -> Int {
        min(256, max(16, options.nonceLength ?? 32))
    }

    /// Whether a received nonce has an acceptable length.
    static func isAcceptableNonce(_ nonce: [UInt8]) -> Bool {
        nonce.count >= 16 && nonce.count <= 256
    }

    /// A fresh key pair for `group`.
    static func keyPair(_ group: DHGroup, random: RandomSource) throws -> DHKeyPair {
        try DHKeyPair.generate(group: group, random: random)
    }

    /// The KE payload of a key pair.
    static func payload(_ keyPair: DHKeyPair) -> IKEv2Payload {
        .keyExchange(IKEv2KeyExchangePayload(group: keyPair.group, keyData: keyPair.publicValue))
    }

    /// g^ir with the peer's KE payload, whose group must be ours; nil when the group
    /// differs, the public value has the wrong length or is not a valid element.
    static func sharedSecret(_ keyPair: DHKeyPair, peer: IKEv2KeyExchangePayload) -> SecretBytes? {
        guard peer.groupNumber == keyPair.group.rawValue,
            peer.keyData.count == keyPair.group.info.publicValueLength
        else { return nil }
        return try? keyPair.sharedSecret(peerPublicValue: peer.keyData)
    }
}

// RFC 7296 section 2.23: NAT_DETECTION_SOURCE_IP and NAT_DETECTION_DESTINATION_IP carry
// SHA-1(SPIi | SPIr | IP address | port). A receiver compares them with what it computes
// from the packet; a mismatch reveals a NAT. A peer that wants UDP encapsulation anyway
// may send a source hash that cannot match.

/// NAT detection.
enum NATDetection {
    /// The hash for `endpoint` under the given SPIs.
    static func hash(initiatorSPI: UInt64, responderSPI: UInt64, endpoint: Endpoint) throws
        -> [UInt8]
    {
        var input: [UInt8] = []
        input.reserveCapacity(16 + 16 + 2)
        appendBigEndian(initiatorSPI, to: &input)
        appendBigEndian(responderSPI, to: &input)
        input.append(contentsOf: endpoint.address.octets)
        input.append(UInt8(truncatingIfNeeded: endpoint.port >> 8))
        input.append(UInt8(truncatingIfNeeded: endpoint.port))
        return try Hash(.sha1).digest(input)
    }

    /// Our two notifications for a message from `source` to `destination`; with `fake`
    /// the source hash is random, so the peer sees a NAT in front of us.
    static func payloads(
        initiatorSPI: UInt64, responderSPI: UInt64, source: Endpoint, destination: Endpoint,
        fake: Bool, random: RandomSource
    ) throws -> [IKEv2Payload] {
        let sourceHash =
            fake
            ? random.bytes(20)
            : try hash(initiatorSPI: initiatorSPI, responderSPI: responderSPI, endpoint: source)
        let destinationHash = try hash(
            initiatorSPI: initiatorSPI, responderSPI: responderSPI, endpoint: destination)
        return [
            .notify(IKEv2NotifyPayload(type: .natDetectionSourceIP, data: sourceHash)),
            .notify(IKEv2NotifyPayload(type: .natDetectionDestinationIP, data: destinationHash)),
        ]
    }

    /// Whether the received hashes reveal a NAT (on either side). Nil when the peer sent
    /// none, which means it does not support NAT traversal.
    static func natDetected(
        in notifications: [IKEv2NotifyPayload], initiatorSPI: UInt64, responderSPI: UInt64,
        datagram: Datagram
    ) throws -> Bool? {
        // Lazily: every IKE_SA_INIT exchange runs this, and no list is needed.
        let sources = notifications.lazy.filter { $0.type == .natDetectionSourceIP }
        guard !sources.isEmpty,
            let destination = notifications.first(where: {
                $0.type == .natDetectionDestinationIP
            })?.data
        else { return nil }
        let expectedSource = try hash(
            initiatorSPI: initiatorSPI, responderSPI: responderSPI, endpoint: datagram.source)
        let expectedDestination = try hash(
            initiatorSPI: initiatorSPI, responderSPI: responderSPI, endpoint: datagram.destination)
        let peerBehindNAT = !sources.contains { $0.data == expectedSource }
        let usBehindNAT = destination != expectedDestination
        return peerBehindNAT || usBehindNAT
    }
}

// RFC 7296 section 2.6: a responder can answer an IKE_SA_INIT request with a COOKIE
// instead of creating state; the initiator repeats its request with the COOKIE
// notification first. The cookie here is SHA-256(secret | Ni | IPi | SPIi), so the
// responder can check it without remembering anything but its secret.

/// Stateless cookies.
enum CookieChallenge {
    /// The cookie for a request.
    static func cookie(secret: [UInt8], nonce: [UInt8], initiatorSPI: UInt64, source: Endpoint)
        throws -> [UInt8]
    {
        var input = secret
        input.append(contentsOf: nonce)
        input.append(contentsOf: source.address.octets)
        appendBigEndian(initiatorSPI, to: &input)
        return try Hash(.sha256).digest(input)
    }
}
