import IKEPolicy

/// The families of authentication methods, as an IKEv2 peer tells them apart on the wire:
/// a peer that expects a shared key refuses a signature, whatever its scheme.
enum AuthKind: String {
    case sharedKey = "a pre-shared key"
    case signature = "a signature"
    case null = "NULL authentication"
    case rsaEncryption = "RSA encryption"

    init(_ method: AuthMethod) {
        switch method {
        case .psk: self = .sharedKey
        case .pubkey, .rsa, .ecdsa, .digitalSignature: self = .signature
        case .null: self = .null
        case .rsaEncryption, .rsaEncryptionRevised: self = .rsaEncryption
        }
    }

    /// IKEv1 negotiates the method inside the proposal (RFC 2409 appendix A): two methods
    /// agree when they would put the same Authentication Method value on the wire. `pubkey`
    /// follows the key, so it agrees with `rsa` and `ecdsa`.
    static func ikev1Agree(_ first: AuthMethod, _ second: AuthMethod) -> Bool {
        if first == second { return true }
        let signatures: Set<AuthMethod> = [.rsa, .ecdsa]
        return (first == .pubkey && signatures.contains(second))
            || (second == .pubkey && signatures.contains(first))
    }
}
