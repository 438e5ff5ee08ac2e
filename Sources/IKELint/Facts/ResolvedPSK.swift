import IKECore
import IKEDiagnostics
import IKEPolicy

/// A peer's pre-shared key, resolved for inspection. Only facts about it (its length, an
/// entropy estimate) ever leave this type; never the octets.
struct ResolvedPSK {
    /// The peer.
    let peer: Peer
    /// The `psk:` value's place.
    let span: SourceSpan
    /// Where it came from, for messages: "the literal", "file 'x.psk'", "variable 'X'".
    let origin: String
    /// Its length in octets.
    let length: Int
    /// `SecretStrength.estimatedBits` of its octets.
    let estimatedBits: Int

    /// The resolvable keys of a policy's peers: literals, readable files, and variables
    /// that are set. Keys that cannot be resolved are skipped (psk-env-unset reports unset
    /// variables; the planner reports unreadable files when it needs them).
    static func all(in context: LintContext) -> [ResolvedPSK] {
        context.policy.peers.compactMap { peer in
            guard let psk = peer.auth.psk else { return nil }
            let origin: String
            switch psk.value.source {
            case .literal: origin = "the literal key"
            case .file(let file): origin = "the key in '\(file.written)'"
            case .environment(let name):
                guard context.isSet(name) else { return nil }
                origin = "the key in variable '\(name)'"
            }
            guard let secret = try? psk.value.resolve() else { return nil }
            let bits = secret.withUnsafeBytes { SecretStrength.estimatedBits(Array($0)) }
            return ResolvedPSK(
                peer: peer, span: psk.span, origin: origin, length: secret.count,
                estimatedBits: bits)
        }
    }
}
