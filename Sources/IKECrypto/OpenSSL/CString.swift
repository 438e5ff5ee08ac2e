internal import CCrypto

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A fixed `OSSL_PARAM` array of UTF-8 string parameters, built once and kept for the life
/// of the process, so hot paths (keying a MAC) pass parameters without allocating.
///
/// `OSSL_PARAM_construct_utf8_string` keeps the pointers it is given; the strings are
/// copied to C storage that is never freed nor written after init, which is what makes
/// sharing an instance between threads safe.
final class StringParameters: @unchecked Sendable {
    /// The array, terminated by `OSSL_PARAM_END`.
    let pointer: UnsafeMutablePointer<OSSL_PARAM>

    init(_ pairs: [(key: String, value: String)]) {
        pointer = .allocate(capacity: pairs.count + 1)
        for (index, pair) in pairs.enumerated() {
            guard let key = strdup(pair.key), let value = strdup(pair.value) else {
                preconditionFailure("out of memory copying a parameter name")
            }
            pointer[index] = OSSL_PARAM_construct_utf8_string(key, value, 0)
        }
        pointer[pairs.count] = OSSL_PARAM_construct_end()
    }
}

/// Builds a temporary `OSSL_PARAM` array of UTF-8 string parameters for the length of
/// `body`; for set-up code that runs once (named groups), not for hot paths.
func withStringParameters<R>(
    _ pairs: [(key: String, value: String)],
    _ body: (UnsafeMutablePointer<OSSL_PARAM>) throws -> R
) rethrows -> R {
    var owned: [UnsafeMutablePointer<CChar>] = []
    defer { for pointer in owned { free(pointer) } }
    var params: [OSSL_PARAM] = []
    for pair in pairs {
        guard let key = strdup(pair.key), let value = strdup(pair.value) else {
            preconditionFailure("out of memory copying a parameter name")
        }
        owned.append(key)
        owned.append(value)
        params.append(OSSL_PARAM_construct_utf8_string(key, value, 0))
    }
    params.append(OSSL_PARAM_construct_end())
    return try params.withUnsafeMutableBufferPointer { buffer in
        try body(buffer.baseAddress!)
    }
}
