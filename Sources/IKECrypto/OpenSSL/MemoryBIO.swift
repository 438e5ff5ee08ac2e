internal import CCrypto

/// Owns a read-only memory `BIO` over a copy of some octets, for the PEM readers.
final class MemoryBIO {
    let pointer: OpaquePointer
    /// The BIO reads this buffer in place; it must live as long as the BIO.
    private let storage: UnsafeMutableRawBufferPointer

    init(_ bytes: [UInt8]) throws {
        storage = .allocate(byteCount: max(bytes.count, 1), alignment: 1)
        storage.copyBytes(from: bytes)
        guard let bio = BIO_new_mem_buf(storage.baseAddress, Int32(bytes.count)) else {
            storage.deallocate()
            throw ErrorQueue.error(.libraryFailure, "BIO_new_mem_buf")
        }
        pointer = bio
    }

    deinit {
        BIO_free(pointer)
        storage.initializeMemory(as: UInt8.self, repeating: 0)
        storage.deallocate()
    }
}

/// A PEM passphrase callback that supplies none, so an encrypted key fails to load
/// instead of libcrypto prompting on the terminal.
let noPassphrase:
    @convention(c) (
        UnsafeMutablePointer<CChar>?, Int32, Int32, UnsafeMutableRawPointer?
    ) -> Int32 = { _, _, _, _ in 0 }
