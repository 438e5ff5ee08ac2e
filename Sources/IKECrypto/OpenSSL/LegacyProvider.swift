internal import CCrypto

/// OpenSSL's legacy provider (DES, Blowfish, CAST-128), loaded on first use into a library
/// context of its own.
///
/// Loading any provider explicitly into the default library context stops OpenSSL from
/// loading the default provider implicitly, after which every ordinary fetch fails. A
/// separate `OSSL_LIB_CTX` keeps the default context untouched.
final class LegacyProvider: @unchecked Sendable {
    /// The library context and provider, or nil when the legacy provider is missing.
    /// Set once in init and never changed; both live as long as the process.
    private let context: OpaquePointer?

    private init() {
        guard let context = OSSL_LIB_CTX_new() else {
            ErrorQueue.clear()
            self.context = nil
            return
        }
        guard OSSL_PROVIDER_load(context, "legacy") != nil else {
            ErrorQueue.clear()
            OSSL_LIB_CTX_free(context)
            self.context = nil
            return
        }
        self.context = context
    }

    /// Created, and the provider loaded, the first time a legacy cipher is asked for.
    static let shared = LegacyProvider()

    /// A cipher fetched from the legacy context.
    func cipher(_ name: String) -> Fetched {
        Fetched.cipher(name, in: context)
    }

    /// Whether the provider could be loaded.
    var isAvailable: Bool { context != nil }
}
