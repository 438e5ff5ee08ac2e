internal import CCrypto

/// Reading OpenSSL's thread-local error queue into a `CryptoError`.
enum ErrorQueue {
    /// Empties the queue and returns its entries, oldest first, joined by "; ".
    static func drain() -> String {
        var entries: [String] = []
        var buffer = [CChar](repeating: 0, count: 256)
        while true {
            let code = ERR_get_error()
            if code == 0 { break }
            ERR_error_string_n(code, &buffer, buffer.count)
            let bytes = buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
            entries.append(String(decoding: bytes, as: UTF8.self))
        }
        return entries.joined(separator: "; ")
    }

    /// Discards whatever an expected failure left in the queue.
    static func clear() { ERR_clear_error() }

    /// A `CryptoError` carrying the drained queue.
    static func error(_ code: CryptoError.Code, _ context: String) -> CryptoError {
        CryptoError(code, context, detail: drain())
    }
}

// The context text of the three checks below is an autoclosure: it is formatted only when
// a call fails, not on every successful hash, MAC or cipher call of a handshake.

/// Throws `libraryFailure` with the error queue unless `result` is 1, OpenSSL's success
/// value for nearly every EVP and BN call.
@inline(__always)
func check(_ result: Int32, _ context: @autoclosure () -> String) throws {
    if result != 1 { throw ErrorQueue.error(.libraryFailure, context()) }
}

/// Throws `code` with the error queue unless `result` is 1.
@inline(__always)
func check(_ result: Int32, _ code: CryptoError.Code, _ context: @autoclosure () -> String)
    throws
{
    if result != 1 { throw ErrorQueue.error(code, context()) }
}

/// Unwraps a pointer returned by a constructor, or throws with the error queue.
@inline(__always)
func checkPointer<T>(
    _ pointer: T?, _ context: @autoclosure () -> String,
    _ code: CryptoError.Code = .libraryFailure
) throws -> T {
    guard let pointer else { throw ErrorQueue.error(code, context()) }
    return pointer
}
