import IKECore
import IKEEngine

/// The pair of configurations the session harnesses use: PSK, X25519 (cheap enough to
/// run per input), one ESP Child SA; the same pair as `Seeds/`, so seed messages from a
/// dry run of those files fit these sessions.
public enum FuzzPeers {
    /// The initiator's (branch) or responder's (hq) configuration for `version`, with
    /// `encryption` in the IKE proposal (and HMAC-SHA-256 integrity unless it is AEAD).
    public static func configuration(
        _ version: IKEVersion, responder: Bool, encryption: Cipher = Cipher(.aesCBC, keyBits: 256)
    ) -> IKEPeerConfiguration {
        var ike = Proposal(protocolID: .ike)
        ike.encryption = [encryption]
        ike.prf = [.hmacSHA256]
        if !encryption.algorithm.info.isAEAD { ike.integrity = [.hmacSHA256_128] }
        ike.dhGroups = [.curve25519]
        var esp = Proposal(protocolID: .esp)
        esp.encryption = [Cipher(.aesGCM16, keyBits: 128)]
        let psk = SecretBytes(utf8: "fuzzing pre-shared key")
        let branch = (Endpoint(address: IPAddress("192.0.2.1")!), "branch.example.net")
        let hq = (Endpoint(address: IPAddress("192.0.2.2")!), "hq.example.net")
        let (local, remote) = responder ? (hq, branch) : (branch, hq)
        let networks = ["10.1.0.0/16", "10.2.0.0/16"]
        let (ours, theirs) = responder ? (networks[1], networks[0]) : (networks[0], networks[1])
        let child = ChildConfiguration(
            name: "lan", protocolID: .esp, mode: .tunnel,
            localSelectors: [TrafficSelector(network: IPNetwork(ours)!)],
            remoteSelectors: [TrafficSelector(network: IPNetwork(theirs)!)], proposals: [esp])
        return IKEPeerConfiguration(
            version: version, local: local.0, remote: remote.0,
            localIdentity: .fqdn(local.1), remoteIdentity: .fqdn(remote.1), ikeProposals: [ike],
            localAuthentication: .preSharedKey(psk), remoteAuthentication: .preSharedKey(psk),
            children: [child], validationTime: 1_735_689_600)
    }
}
