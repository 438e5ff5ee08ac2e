import IKECore
import IKECrypto
import IKEWire

// RFC 2409 section 5.5: quick mode client IDs (IDci, IDcr) name the selectors; without
// them the SA protects traffic between the two peers' addresses, so they are left out
// when that is what both selectors say. IKEv1 has no narrowing: a responder takes the
// proposed selectors when they lie inside its configured ones and answers
// INVALID-ID-INFORMATION otherwise. One client ID holds one selector, so a configuration
// with several uses the first of each side (strongSwan negotiates one quick mode per
// selector pair; this engine does not yet). KEYMAT is made per SA with the SPI its
// receiver chose: the SA we receive on uses our SPI, the one we send on the peer's; each
// KEYMAT yields the encryption key, then the integrity key.

/// Quick mode selectors and keys.
enum IKEv1QuickModeTask {
    /// The selectors an initiator proposes for `child`: the first of each side, our
    /// address or the peer's when the configuration leaves a side empty.
    static func proposedSelectors(_ child: ChildConfiguration, local: Endpoint, remote: Endpoint)
        -> (local: TrafficSelector, remote: TrafficSelector)
    {
        let (ours, theirs) = ChildSATask.selectors(child, local: local, remote: remote)
        return (ours[0], theirs[0])
    }

    /// The selector of a host, any protocol and port.
    static func host(_ address: IPAddress) -> TrafficSelector {
        TrafficSelector(startAddress: address, endAddress: address)
    }

    /// Whether client IDs are needed: not when the selectors are the two peers' addresses.
    static func needsClientIDs(
        local: TrafficSelector, remote: TrafficSelector, localAddress: IPAddress,
        remoteAddress: IPAddress
    ) -> Bool {
        local != host(localAddress) || remote != host(remoteAddress)
    }

    /// The responder's configuration for proposed selectors (`initiatorSide` is IDci,
    /// the peer's side): the first of `protocolID` whose selectors contain both.
    static func matchConfiguration(
        _ children: [ChildConfiguration], protocolID: SecurityProtocol,
        initiatorSide: TrafficSelector, responderSide: TrafficSelector, local: Endpoint,
        remote: Endpoint
    ) -> ChildConfiguration? {
        children.first { child in
            guard child.protocolID == protocolID else { return false }
            let (ours, theirs) = ChildSATask.selectors(child, local: local, remote: remote)
            return ours.contains { $0.contains(responderSide) }
                && theirs.contains { $0.contains(initiatorSide) }
        }
    }

    /// The keys of both SAs, by direction.
    static func keys(
        choice: Phase2Choice, protocolID: SecurityProtocol, keyMaterial: IKEv1KeyMaterial,
        sharedSecret: SecretBytes?, inboundSPI: UInt32, outboundSPI: UInt32,
        initiatorNonce: [UInt8], responderNonce: [UInt8]
    ) throws -> ChildSAKeys {
        let encryptionLength = choice.cipher?.keyMaterialLength ?? 0
        let integrityLength = choice.integrity?.info.keyLength ?? 0
        func keymat(_ spi: UInt32) throws -> (SecretBytes, SecretBytes) {
            let stream = try IKEv1KeyDerivation.quickModeKeyMaterial(
                hash: keyMaterial.hash, skeyidD: keyMaterial.keys.skeyidD,
                sharedSecret: sharedSecret, protocolID: protocolID, spi: spi,
                initiatorNonce: initiatorNonce, responderNonce: responderNonce,
                length: encryptionLength + integrityLength)
            return stream.split(at: encryptionLength)
        }
        let (inboundEncryption, inboundIntegrity) = try keymat(inboundSPI)
        let (outboundEncryption, outboundIntegrity) = try keymat(outboundSPI)
        return ChildSAKeys(
            outboundEncryptionKey: outboundEncryption, outboundIntegrityKey: outboundIntegrity,
            inboundEncryptionKey: inboundEncryption, inboundIntegrityKey: inboundIntegrity)
    }

    /// The client ID payloads of two selectors.
    static func clientIDs(initiatorSide: TrafficSelector, responderSide: TrafficSelector)
        -> [ISAKMPPayload]
    {
        guard let idci = ISAKMPIdentificationPayload(clientID: initiatorSide),
            let idcr = ISAKMPIdentificationPayload(clientID: responderSide)
        else { return [] }
        return [.identification(idci), .identification(idcr)]
    }

    /// The SPI as four octets.
    static func spiOctets(_ spi: UInt32) -> [UInt8] {
        ChildSATask.spiOctets(spi)
    }
}
