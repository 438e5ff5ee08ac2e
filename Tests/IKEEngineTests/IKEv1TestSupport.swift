import Foundation
import IKECore
import IKECrypto
import IKEEngine
import Testing

/// IKEv1 configurations and checks shared by the IKEv1 engine tests.
enum IKEv1TestSupport {
    static let psk = "correct horse battery staple"

    /// A pair of IKEv1 PSK configurations that agree, main mode by default.
    static func pskPair(
        ike: [Proposal] = [TestSupport.ike("aes256-sha256-modp2048")],
        esp: [Proposal] = [TestSupport.esp("aes256-sha256")], mode: IKEv1Options.Mode = .main,
        childMode: IPsecMode = .tunnel
    ) -> (IKEPeerConfiguration, IKEPeerConfiguration) {
        var (initiator, responder) = TestSupport.pskPair(ike: ike, esp: esp, psk: psk)
        for index in 0..<2 {
            var config = index == 0 ? initiator : responder
            config.version = .v1
            config.ikev1 = IKEv1Options(mode: mode)
            config.children = config.children.map { child in
                var changed = child
                changed.mode = childMode
                return changed
            }
            if index == 0 { initiator = config } else { responder = config }
        }
        return (initiator, responder)
    }

    /// The five authentication families of RFC 2409 section 5 (with RSA and ECDSA for
    /// signatures), as test arguments.
    enum Authentication: String, CaseIterable, CustomStringConvertible, Sendable {
        case psk
        case rsaSignature
        case ecdsaSignature
        case rsaEncryption
        case revisedRSAEncryption

        var description: String { rawValue }
    }

    /// An agreeing pair authenticating with `authentication`.
    static func pair(
        _ authentication: Authentication, mode: IKEv1Options.Mode = .main,
        ike: [Proposal] = [TestSupport.ike("aes256-sha256-modp2048")]
    ) throws -> (IKEPeerConfiguration, IKEPeerConfiguration) {
        switch authentication {
        case .psk: return pskPair(ike: ike, mode: mode)
        case .rsaSignature: return try certificatePair("rsa", mode: mode, ike: ike)
        case .ecdsaSignature: return try certificatePair("ecdsa", mode: mode, ike: ike)
        case .rsaEncryption: return try encryptionPair(revised: false, mode: mode, ike: ike)
        case .revisedRSAEncryption: return try encryptionPair(revised: true, mode: mode, ike: ike)
        }
    }

    /// Both configurations with their Child SAs replaced: one named `lan` between
    /// 10.1.0.0/16 and 10.2.0.0/16 of `protocolID` and `mode` with `proposals`.
    static func withChild(
        _ pair: (IKEPeerConfiguration, IKEPeerConfiguration), protocolID: SecurityProtocol,
        mode: IPsecMode, initiatorProposals: [Proposal], responderProposals: [Proposal]? = nil,
        lifetimes: (ChildLifetime, ChildLifetime) = (ChildLifetime(), ChildLifetime())
    ) -> (IKEPeerConfiguration, IKEPeerConfiguration) {
        var result = pair
        result.0.children = [
            ChildConfiguration(
                name: "lan", protocolID: protocolID, mode: mode,
                localSelectors: [TestSupport.network("10.1.0.0/16")],
                remoteSelectors: [TestSupport.network("10.2.0.0/16")],
                proposals: initiatorProposals, lifetime: lifetimes.0)
        ]
        result.1.children = [
            ChildConfiguration(
                name: "lan", protocolID: protocolID, mode: mode,
                localSelectors: [TestSupport.network("10.2.0.0/16")],
                remoteSelectors: [TestSupport.network("10.1.0.0/16")],
                proposals: responderProposals ?? initiatorProposals, lifetime: lifetimes.1)
        ]
        return result
    }

    static func key(_ name: String) throws -> PrivateKey {
        try PrivateKey(pemBytes: try TestSupport.fixture("\(name).key"))
    }

    static func certificate(_ name: String) throws -> Certificate {
        try #require(try Certificate.load(try TestSupport.fixture("\(name).pem")).first)
    }

    /// 2030-01-01: inside the fixtures' validity.
    static let validationTime: Double = 1_893_456_000

    /// A PSK pair switched to certificates of `family` (`ecdsa` or `rsa`).
    static func certificatePair(
        _ family: String, mode: IKEv1Options.Mode = .main, initiatorCertificate: String? = nil,
        ike: [Proposal] = [TestSupport.ike("aes256-sha256-modp2048")]
    ) throws -> (IKEPeerConfiguration, IKEPeerConfiguration) {
        var pair = pskPair(ike: ike, mode: mode)
        let initiatorName = initiatorCertificate ?? "branch-\(family)"
        pair.0.localAuthentication = .certificate(
            try key(initiatorName), chain: [try certificate(initiatorName)], SignatureSettings())
        pair.0.remoteAuthentication = .certificate(
            trustAnchors: [try certificate("ca-\(family)")], pinned: nil)
        pair.1.localAuthentication = .certificate(
            try key("hq-\(family)"), chain: [try certificate("hq-\(family)")], SignatureSettings())
        pair.1.remoteAuthentication = .certificate(
            trustAnchors: [try certificate("ca-\(family)")], pinned: nil)
        pair.0.validationTime = validationTime
        pair.1.validationTime = validationTime
        return pair
    }

    /// A PSK pair switched to RSA public key encryption with the RSA fixtures' keys.
    static func encryptionPair(
        revised: Bool, mode: IKEv1Options.Mode = .main,
        ike: [Proposal] = [TestSupport.ike("aes256-sha256-modp2048")]
    ) throws -> (IKEPeerConfiguration, IKEPeerConfiguration) {
        var pair = pskPair(ike: ike, mode: mode)
        let branch = try key("branch-rsa")
        let hq = try key("hq-rsa")
        pair.0.localAuthentication = .rsaEncryption(branch, revised: revised)
        pair.0.remoteAuthentication = .rsaEncryption(
            peerPublicKey: try hq.publicKey, revised: revised)
        pair.1.localAuthentication = .rsaEncryption(hq, revised: revised)
        pair.1.remoteAuthentication = .rsaEncryption(
            peerPublicKey: try branch.publicKey, revised: revised)
        return pair
    }

    /// The pair with the roles swapped: the responder's configuration initiates.
    static func swapped(_ pair: (IKEPeerConfiguration, IKEPeerConfiguration))
        -> (IKEPeerConfiguration, IKEPeerConfiguration)
    {
        (pair.1, pair.0)
    }

    /// Runs a pair to completion and checks what "verified" means: both ISAKMP SAs up
    /// with the same transform and keys, every Child SA mirrored.
    @discardableResult
    static func expectAgreement(
        _ pair: (IKEPeerConfiguration, IKEPeerConfiguration), seed: String = "agree",
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> LoopbackExchange {
        let loopback = try TestSupport.loopback(pair.0, pair.1, seed: seed)
        let outcome = loopback.negotiate()
        #expect(outcome.failures.isEmpty, "\(outcome.failures)", sourceLocation: sourceLocation)
        let initiatorSA = try #require(loopback.initiator.ikeSA, sourceLocation: sourceLocation)
        let responderSA = try #require(loopback.responder.ikeSA, sourceLocation: sourceLocation)
        #expect(initiatorSA.version == .v1, sourceLocation: sourceLocation)
        #expect(initiatorSA.keys == responderSA.keys, sourceLocation: sourceLocation)
        #expect(
            initiatorSA.selectedProposal == responderSA.selectedProposal,
            sourceLocation: sourceLocation)
        #expect(
            initiatorSA.initiatorSPI == responderSA.initiatorSPI, sourceLocation: sourceLocation)
        #expect(
            initiatorSA.responderSPI == responderSA.responderSPI, sourceLocation: sourceLocation)
        #expect(
            initiatorSA.lifetimeSeconds == responderSA.lifetimeSeconds,
            sourceLocation: sourceLocation)
        #expect(
            loopback.initiator.childSAs.count == pair.0.children.count,
            sourceLocation: sourceLocation)
        #expect(
            loopback.responder.childSAs.count == pair.0.children.count,
            sourceLocation: sourceLocation)
        for (mine, theirs) in zip(loopback.initiator.childSAs, loopback.responder.childSAs) {
            expectMirrored(mine, theirs, sourceLocation: sourceLocation)
        }
        return loopback
    }

    /// One side's outbound SA is the other's inbound SA.
    static func expectMirrored(
        _ mine: ChildSA, _ theirs: ChildSA, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(
            mine.keys.outboundEncryptionKey == theirs.keys.inboundEncryptionKey,
            sourceLocation: sourceLocation)
        #expect(
            mine.keys.outboundIntegrityKey == theirs.keys.inboundIntegrityKey,
            sourceLocation: sourceLocation)
        #expect(
            mine.keys.inboundEncryptionKey == theirs.keys.outboundEncryptionKey,
            sourceLocation: sourceLocation)
        #expect(
            mine.keys.inboundIntegrityKey == theirs.keys.outboundIntegrityKey,
            sourceLocation: sourceLocation)
        // Each direction has its own KEYMAT (the SPIs differ).
        let outbound = mine.keys.outboundEncryptionKey + mine.keys.outboundIntegrityKey
        let inbound = mine.keys.inboundEncryptionKey + mine.keys.inboundIntegrityKey
        #expect(!outbound.isEmpty && outbound != inbound, sourceLocation: sourceLocation)
        #expect(mine.outboundSPI == theirs.inboundSPI, sourceLocation: sourceLocation)
        #expect(mine.inboundSPI == theirs.outboundSPI, sourceLocation: sourceLocation)
        #expect(mine.selectedProposal == theirs.selectedProposal, sourceLocation: sourceLocation)
        #expect(mine.localSelectors == theirs.remoteSelectors, sourceLocation: sourceLocation)
        #expect(mine.remoteSelectors == theirs.localSelectors, sourceLocation: sourceLocation)
        #expect(mine.mode == theirs.mode, sourceLocation: sourceLocation)
        #expect(mine.lifetime == theirs.lifetime, sourceLocation: sourceLocation)
    }

    /// The IKEv1 keys of a summary.
    static func v1Keys(_ summary: IKESASummary?) throws -> IKEv1SAKeys {
        guard case .v1(let keys)? = summary?.keys else {
            throw IKEv1TestFailure(text: "no IKEv1 keys")
        }
        return keys
    }
}

/// A test precondition that did not hold.
struct IKEv1TestFailure: Error {
    let text: String
}
