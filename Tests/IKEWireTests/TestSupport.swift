import Foundation
import IKECore
import Testing

@testable import IKEWire

/// Test fixtures beside this file, read through #filePath.
enum Fixture {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    /// The octets of a commented `.hex` fixture.
    static func hex(_ name: String) throws -> [UInt8] {
        let text = try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
        let digits = text.split(separator: "\n")
            .filter { !$0.trimmingCharacters(in: .whitespaces).hasPrefix("#") }
            .joined()
        guard let bytes = [UInt8](hex: digits) else {
            throw CocoaError(.fileReadCorruptFile)
        }
        return bytes
    }
}

/// A small deterministic generator (SplitMix64) so robustness runs are reproducible.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }

    mutating func bytes(_ count: Int) -> [UInt8] {
        (0..<count).map { _ in UInt8.random(in: 0...255, using: &self) }
    }
}

/// Messages that together use every payload type of both versions.
enum Samples {
    static let v4Selector = TrafficSelector(network: IPNetwork("10.1.0.0/16")!)
    static let v6Selector = TrafficSelector(
        startAddress: IPAddress("2001:db8::1")!, endAddress: IPAddress("2001:db8::ff")!,
        ipProtocol: 6, startPort: 443, endPort: 443)

    static let ikeProposal = Proposal(
        protocolID: .ike,
        encryption: [Cipher(.aesCBC, keyBits: 256), Cipher(.aesCBC, keyBits: 128)],
        prf: [.hmacSHA256], integrity: [.hmacSHA256_128], dhGroups: [.curve25519, .modp2048])

    static let espProposal = Proposal(
        protocolID: .esp, encryption: [Cipher(.aesGCM16, keyBits: 256)], esn: [.disabled, .enabled])

    /// Every IKEv2 payload the module decodes, plus an unknown critical one.
    static let ikev2Payloads: [IKEv2Payload] = [
        .securityAssociation(
            IKEv2SAPayload(proposals: [
                IKEv2Proposal(number: 1, proposal: ikeProposal),
                IKEv2Proposal(
                    number: 2, protocolID: 1, spi: [1, 2, 3, 4, 5, 6, 7, 8],
                    transforms: [
                        IKEv2Transform(
                            type: 1, transformID: 1000,
                            attributes: [DataAttribute(type: 99, value: .variable([1, 2, 3]))])
                    ]),
            ])),
        .keyExchange(
            IKEv2KeyExchangePayload(group: .curve25519, keyData: Array(repeating: 7, count: 32))),
        .identificationInitiator(
            IKEv2IdentificationPayload(IdentificationData(.fqdn("a.example"))!)),
        .identificationResponder(
            IKEv2IdentificationPayload(IdentificationData(distinguishedNameDER: [0x30, 0x00]))),
        .certificate(
            IKEv2CertificatePayload(encoding: .x509Signature, data: [0x30, 0x82, 0, 1, 0])),
        .certificateRequest(
            IKEv2CertificateRequestPayload(x509AuthorityKeyHashes: [Array(repeating: 9, count: 20)])
        ),
        .authentication(
            IKEv2AuthenticationPayload(method: .sharedKey, data: Array(repeating: 3, count: 32))),
        .nonce(IKEv2NoncePayload(data: Array(repeating: 0x42, count: 32))),
        .notify(
            IKEv2NotifyPayload.signatureHashAlgorithms([.sha256, .sha384, .sha512, .identity])),
        .notify(IKEv2NotifyPayload.rekeySA(protocolID: .esp, spi: [0xc0, 0, 0, 1])),
        .delete(IKEv2DeletePayload.childSAs(.esp, spis: [0xC000_0001, 0xC000_0002])),
        .delete(IKEv2DeletePayload.ikeSA),
        .vendorID(IKEv2VendorIDPayload(data: Array("ikec".utf8))),
        .trafficSelectorInitiator(IKEv2TrafficSelectorPayload([v4Selector, v6Selector])),
        .trafficSelectorResponder(
            IKEv2TrafficSelectorPayload(selectors: [
                .addressRange(v4Selector), .unknown(type: 10, secondOctet: 0, data: [1, 2, 3, 4]),
            ])),
        .configuration(
            IKEv2ConfigurationPayload(
                configurationType: .request,
                attributes: [
                    IKEv2ConfigurationAttribute(type: .internalIP4Address),
                    IKEv2ConfigurationAttribute(type: .internalIP4DNS, value: [10, 0, 0, 53]),
                ])),
        .eap(IKEv2EAPPayload(message: [1, 7, 0, 5, 1])),
        .unknown(
            IKEv2UnknownPayload(
                type: IKEv2PayloadType(rawValue: 200), isCritical: true, body: [9, 9])),
    ]

    static func ikev2Header(
        _ exchange: IKEv2ExchangeType = .ikeSAInit, flags: IKEv2Flags = .initiator,
        messageID: UInt32 = 0
    ) -> IKEv2Header {
        IKEv2Header(
            initiatorSPI: 0x0102_0304_0506_0708, responderSPI: 0x1112_1314_1516_1718,
            exchangeType: exchange, flags: flags, messageID: messageID)
    }

    /// Valid IKEv2 messages of several shapes.
    static var ikev2Messages: [IKEv2Message] {
        [
            IKEv2Message(header: ikev2Header(), payloads: ikev2Payloads),
            IKEv2Message(
                header: ikev2Header(.ikeAuth, messageID: 1),
                payloads: [
                    .encrypted(
                        IKEv2EncryptedPayload(
                            firstInnerPayload: .identificationInitiator,
                            body: Array(repeating: 0xEE, count: 64)))
                ]),
            IKEv2Message(
                header: ikev2Header(.ikeAuth, messageID: 1),
                payloads: [
                    .encryptedFragment(
                        IKEv2EncryptedFragmentPayload(
                            firstInnerPayload: .identificationInitiator, fragmentNumber: 1,
                            totalFragments: 2, body: Array(repeating: 0xDD, count: 48)))
                ]),
            IKEv2Message(
                header: ikev2Header(.informational, flags: [.response], messageID: 5),
                payloads: []),
        ]
    }

    static let phase1Transforms = [
        IKEv1Phase1Transform(
            number: 1, cipher: Cipher(.aesCBC, keyBits: 256), hash: .sha256,
            authMethod: .preSharedKey, group: .modp2048, lifeSeconds: 86_400),
        IKEv1Phase1Transform(
            number: 2, cipher: Cipher(.tripleDES), hash: .sha1, authMethod: .rsaSignature,
            group: .modp1024, lifeSeconds: 3_600, lifeKilobytes: 4_194_304),
    ]

    /// Every ISAKMP payload the module decodes, plus an unknown one.
    static var isakmpPayloads: [ISAKMPPayload] {
        [
            .securityAssociation(
                ISAKMPSAPayload(proposals: [.phase1(transforms: phase1Transforms)!])),
            .keyExchange(ISAKMPKeyExchangePayload(data: Array(repeating: 5, count: 256))),
            .nonce(ISAKMPNoncePayload(data: Array(repeating: 6, count: 16))),
            .identification(
                ISAKMPIdentificationPayload(
                    IdentificationData(.address(IPAddress("192.0.2.1")!))!, protocolID: 17,
                    port: 500)),
            .certificate(ISAKMPCertificatePayload(encoding: .x509Signature, data: [0x30, 0])),
            .certificateRequest(ISAKMPCertificateRequestPayload(encoding: .x509Signature)),
            .hash(ISAKMPHashPayload(data: Array(repeating: 1, count: 32))),
            .signature(ISAKMPSignaturePayload(data: Array(repeating: 2, count: 64))),
            .notification(
                ISAKMPNotificationPayload(
                    type: .initialContact, spi: Array(repeating: 0xAB, count: 16))),
            .delete(ISAKMPDeletePayload(protocolID: 3, spiSize: 4, spis: [[1, 2, 3, 4]])),
            .vendorID(
                ISAKMPVendorIDPayload(data: [UInt8](hex: "afcad71368a1f1c96b8696fc77570100")!)),
            .attribute(
                ISAKMPAttributePayload(
                    type: ISAKMPAttributePayload.request, identifier: 7,
                    attributes: [DataAttribute(type: 1, value: .variable([]))])),
            .natDiscovery(ISAKMPNATDiscoveryPayload(hash: Array(repeating: 0x33, count: 32))),
            .natDiscovery(
                ISAKMPNATDiscoveryPayload(
                    hash: Array(repeating: 0x34, count: 20), usesDraftNumber: true)),
            .natOriginalAddress(
                ISAKMPNATOriginalAddressPayload(address: IPAddress("2001:db8::7")!)),
            .unknown(ISAKMPUnknownPayload(type: ISAKMPPayloadType(rawValue: 150), body: [1])),
        ]
    }

    static func isakmpHeader(
        _ exchange: ISAKMPExchangeType = .identityProtection, flags: ISAKMPFlags = [],
        messageID: UInt32 = 0
    ) -> ISAKMPHeader {
        ISAKMPHeader(
            initiatorCookie: 0xA1A2_A3A4_A5A6_A7A8, responderCookie: 0xB1B2_B3B4_B5B6_B7B8,
            exchangeType: exchange, flags: flags, messageID: messageID)
    }

    static var quickModeProposal: ISAKMPProposal {
        let transforms = [
            IKEv1Phase2Transform.esp(
                number: 1, cipher: Cipher(.aesCBC, keyBits: 128), integrity: .hmacSHA256_128,
                group: .modp2048, lifeSeconds: 3_600, lifeKilobytes: 4_608_000)!,
            IKEv1Phase2Transform.esp(
                number: 2, cipher: Cipher(.aesGCM16, keyBits: 256), integrity: nil,
                encapsulationMode: .udpEncapsulatedTunnel, extendedSequenceNumbers: true)!,
        ]
        return .quickMode(
            number: 1, protocolID: .esp, spi: [0xCA, 0xFE, 0, 1], transforms: transforms)
    }

    /// Valid ISAKMP messages of several shapes.
    static var isakmpMessages: [ISAKMPMessage] {
        [
            ISAKMPMessage(header: isakmpHeader(), payloads: isakmpPayloads),
            ISAKMPMessage(
                header: isakmpHeader(.quickMode, messageID: 0x1234_5678),
                payloads: [
                    .hash(ISAKMPHashPayload(data: Array(repeating: 0, count: 32))),
                    .securityAssociation(ISAKMPSAPayload(proposals: [quickModeProposal])),
                    .nonce(ISAKMPNoncePayload(data: Array(repeating: 8, count: 32))),
                    .identification(ISAKMPIdentificationPayload(clientID: v4Selector)!),
                    .identification(ISAKMPIdentificationPayload(clientID: v6Selector)!),
                ]),
            ISAKMPMessage(
                header: ISAKMPHeader(
                    initiatorCookie: 1, responderCookie: 2, exchangeType: .identityProtection,
                    flags: .encryption, nextPayload: .identification),
                body: .encrypted(Array(repeating: 0x5A, count: 48))),
        ]
    }
}

/// The error a throwing wire call produced, or nil when it succeeded. Any error that is
/// not a `WireError` is recorded as a test failure.
func wireError<T>(_ body: () throws -> T) -> WireError? {
    do {
        _ = try body()
        return nil
    } catch let error as WireError {
        return error
    } catch {
        Issue.record("an error that is not a WireError: \(error)")
        return nil
    }
}
