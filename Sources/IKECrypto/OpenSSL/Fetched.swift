internal import CCrypto
import IKECore

/// An algorithm implementation fetched from a provider once per process and shared.
///
/// `EVP_*_fetch` walks the provider store and is slow; every operation of this module
/// borrows one of these objects instead. Fetched objects are reference counted and
/// immutable in OpenSSL, so sharing them between threads is safe; this class never
/// frees them (they live as long as the process).
final class Fetched: @unchecked Sendable {
    /// The fetched `EVP_MD`, `EVP_CIPHER` or `EVP_MAC`, or nil when libcrypto lacks it.
    private let pointer: OpaquePointer?
    /// The OpenSSL name, for errors.
    let name: String

    private init(_ pointer: OpaquePointer?, _ name: String) {
        self.pointer = pointer
        self.name = name
        // A failed fetch leaves an entry in the queue; the failure is reported on use.
        if pointer == nil { ErrorQueue.clear() }
    }

    /// The object, or `unsupportedAlgorithm` if this libcrypto does not provide it.
    @inline(__always)
    func get() throws -> OpaquePointer {
        guard let pointer else {
            throw CryptoError(.unsupportedAlgorithm, "libcrypto does not provide \(name)")
        }
        return pointer
    }

    /// A message digest from the default library context.
    static func digest(_ name: String) -> Fetched {
        Fetched(EVP_MD_fetch(nil, name, nil), name)
    }

    /// A cipher from the default library context, or from `context` (the legacy one).
    static func cipher(_ name: String, in context: OpaquePointer? = nil) -> Fetched {
        Fetched(EVP_CIPHER_fetch(context, name, nil), name)
    }

    /// A MAC from the default library context.
    static func mac(_ name: String) -> Fetched {
        Fetched(EVP_MAC_fetch(nil, name, nil), name)
    }
}

/// The digests, fetched on first use.
enum Digests {
    static let md5 = Fetched.digest("MD5")
    static let sha1 = Fetched.digest("SHA1")
    static let sha256 = Fetched.digest("SHA2-256")
    static let sha384 = Fetched.digest("SHA2-384")
    static let sha512 = Fetched.digest("SHA2-512")

    /// The fetched digest for a hash algorithm.
    static func of(_ hash: HashAlgorithm) -> Fetched {
        switch hash {
        case .md5: return md5
        case .sha1: return sha1
        case .sha256: return sha256
        case .sha384: return sha384
        case .sha512: return sha512
        }
    }

    /// OpenSSL's name of a hash, as parameters and signature contexts want it.
    static func name(_ hash: HashAlgorithm) -> String {
        switch hash {
        case .md5: return "MD5"
        case .sha1: return "SHA1"
        case .sha256: return "SHA2-256"
        case .sha384: return "SHA2-384"
        case .sha512: return "SHA2-512"
        }
    }
}

/// The MACs, fetched on first use.
enum MACs {
    static let hmac = Fetched.mac("HMAC")
    static let cmac = Fetched.mac("CMAC")
}
