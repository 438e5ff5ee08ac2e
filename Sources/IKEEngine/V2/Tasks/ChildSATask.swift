import IKECore
import IKECrypto
import IKEWire

// RFC 7296 section 2.9: the initiator proposes TSi (its side) and TSr (the responder's
// side); the responder may narrow each to a subset that fits its policy, and answers
// TS_UNACCEPTABLE when nothing fits. Section 1.3.1: transport mode is requested with
// USE_TRANSPORT_MODE and granted by echoing it. Section 2.17: Child SA keys come from
// KEYMAT = prf+(SK_d, [g^ir (new) |] Ni | Nr), encryption key then integrity key for the
// SA carrying the exchange initiator's data, then the same for the other direction.

/// What a Child SA request proposes, and what the responder granted.
struct ChildRequest {
    /// The configuration it is for.
    var configuration: ChildConfiguration
    /// Our inbound SPI, offered in every proposal.
    var spi: UInt32
    /// The proposals offered (without D-H groups in IKE_AUTH).
    var proposals: [Proposal]
    /// TSi and TSr as sent, from the exchange initiator's point of view.
    var initiatorSelectors: [TrafficSelector]
    /// TSr as sent.
    var responderSelectors: [TrafficSelector]
}

/// Child SA negotiation steps.
enum ChildSATask {
    /// A configuration's selectors with empty lists replaced by the host addresses.
    static func selectors(_ configuration: ChildConfiguration, local: Endpoint, remote: Endpoint)
        -> (local: [TrafficSelector], remote: [TrafficSelector])
    {
        let ours =
            configuration.localSelectors.isEmpty
            ? [TrafficSelector(startAddress: local.address, endAddress: local.address)]
            : configuration.localSelectors
        let theirs =
            configuration.remoteSelectors.isEmpty
            ? [TrafficSelector(startAddress: remote.address, endAddress: remote.address)]
            : configuration.remoteSelectors
        return (ours, theirs)
    }

    /// A fresh, non-zero Child SA SPI (values 1-255 are reserved, RFC 4303 section 2.1).
    static func newSPI(_ random: RandomSource) -> UInt32 {
        var spi = random.uint32()
        while spi < 256 { spi = random.uint32() }
        return spi
    }

    /// The SPI as four octets.
    static func spiOctets(_ spi: UInt32) -> [UInt8] {
        var octets: [UInt8] = []
        octets.reserveCapacity(4)
        appendBigEndian(spi, to: &octets)
        return octets
    }

    /// The request's payloads after any REKEY_SA, nonce and KE: SA, TSi, TSr, and
    /// USE_TRANSPORT_MODE when asked.
    static func requestPayloads(_ request: ChildRequest) -> [IKEv2Payload] {
        var payloads: [IKEv2Payload] = []
        if request.configuration.mode == .transport {
            payloads.append(.notify(IKEv2NotifyPayload(type: .useTransportMode)))
        }
        payloads.append(
            .securityAssociation(
                ProposalSelection.wirePayload(request.proposals, spi: spiOctets(request.spi))))
        payloads.append(
            .trafficSelectorInitiator(IKEv2TrafficSelectorPayload(request.initiatorSelectors)))
        payloads.append(
            .trafficSelectorResponder(IKEv2TrafficSelectorPayload(request.responderSelectors)))
        return payloads
    }

    /// The narrowing of received selectors to configured ones: every non-empty
    /// intersection, in the peer's order.
    static func narrow(_ received: [TrafficSelector], to configured: [TrafficSelector])
        -> [TrafficSelector]
    {
        var result: [TrafficSelector] = []
        for selector in received {
            for allowed in configured {
                if let common = selector.intersection(allowed), !result.contains(common) {
                    result.append(common)
                }
            }
        }
        return result
    }

    /// Whether every answered selector lies inside one we proposed.
    static func isSubset(_ answered: [TrafficSelector], of proposed: [TrafficSelector]) -> Bool {
        !answered.isEmpty
            && answered.allSatisfy { selector in proposed.contains { $0.contains(selector) } }
    }

    /// The responder's pick of a configuration for a request: the first whose selectors
    /// overlap both TSi (our remote side) and TSr (our local side), with the narrowed
    /// selectors.
    static func matchConfiguration(
        _ children: [ChildConfiguration], protocolID: SecurityProtocol?,
        initiatorSelectors: [TrafficSelector], responderSelectors: [TrafficSelector],
        local: Endpoint, remote: Endpoint
    ) -> (configuration: ChildConfiguration, local: [TrafficSelector], remote: [TrafficSelector])? {
        for child in children where protocolID == nil || child.protocolID == protocolID {
            let (ours, theirs) = selectors(child, local: local, remote: remote)
            let narrowedLocal = narrow(responderSelectors, to: ours)
            let narrowedRemote = narrow(initiatorSelectors, to: theirs)
            if !narrowedLocal.isEmpty && !narrowedRemote.isEmpty {
                return (child, narrowedLocal, narrowedRemote)
            }
        }
        return nil
    }

    /// The Child SA's keys and summary.
    static func makeChildSA(
        configuration: ChildConfiguration, proposal: Proposal, inboundSPI: UInt32,
        outboundSPI: UInt32, localSelectors: [TrafficSelector],
        remoteSelectors: [TrafficSelector], mode: IPsecMode, keyMaterial: IKEv2KeyMaterial,
        sharedSecret: SecretBytes?, initiatorNonce: [UInt8], responderNonce: [UInt8],
        exchangeRole: IKERole, udpEncapsulation: Bool, generation: Int
    ) throws -> ChildSA {
        let encryptionLength = proposal.encryption.first?.keyMaterialLength ?? 0
        let integrityLength = proposal.integrity.first?.info.keyLength ?? 0
        let total = 2 * (encryptionLength + integrityLength)

        var nonces = initiatorNonce
        nonces.append(contentsOf: responderNonce)
        let stream: SecretBytes
        if let sharedSecret {
            stream = try keyMaterial.prf.plus(
                key: keyMaterial.keys.skD, seed: sharedSecret + SecretBytes(nonces),
                length: total)
        } else {
            stream = try keyMaterial.prf.plus(
                key: keyMaterial.keys.skD, seed: nonces, length: total)
        }

        var offset = 0
        func next(_ length: Int) -> SecretBytes {
            defer { offset += length }
            return stream.slice(offset..<offset + length)
        }
        let initiatorEncryption = next(encryptionLength)
        let initiatorIntegrity = next(integrityLength)
        let responderEncryption = next(encryptionLength)
        let responderIntegrity = next(integrityLength)

        // The one place where the RFC's initiator/responder order becomes directions; the
        // roles are those of this exchange (RFC 7296 section 2.17).
        let keys: ChildSAKeys
        switch exchangeRole {
        case .initiator:
            keys = ChildSAKeys(
                outboundEncryptionKey: initiatorEncryption,
                outboundIntegrityKey: initiatorIntegrity,
                inboundEncryptionKey: responderEncryption,
                inboundIntegrityKey: responderIntegrity)
        case .responder:
            keys = ChildSAKeys(
                outboundEncryptionKey: responderEncryption,
                outboundIntegrityKey: responderIntegrity,
                inboundEncryptionKey: initiatorEncryption,
                inboundIntegrityKey: initiatorIntegrity)
        }
        return ChildSA(
            name: configuration.name, protocolID: configuration.protocolID, mode: mode,
            inboundSPI: inboundSPI, outboundSPI: outboundSPI, localSelectors: localSelectors,
            remoteSelectors: remoteSelectors, selectedProposal: proposal, keys: keys,
            usesUDPEncapsulation: udpEncapsulation, lifetime: configuration.lifetime,
            generation: generation)
    }
}
