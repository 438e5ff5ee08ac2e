/// The ESP trailer (RFC 4303 section 2.4): padding, pad length and next header appended
/// to the payload before encryption.
///
///     +---------------------------------------------------------------+
///     |                  Payload Data (variable)                      |
///     +---------------+-----------------------------------------------+
///     |               |     Padding (0-255 octets): 1, 2, 3, ...      |
///     +---------------+---------------+---------------+---------------+
///     |                               |  Pad Length   | Next Header   |
///     +-------------------------------+---------------+---------------+
enum ESPTrailer {
    /// `payload` followed by the trailer, padded so the whole is a multiple of the cipher's
    /// block size and of 4 octets (pad length and next header end on a 4-octet boundary).
    static func append(to payload: [UInt8], nextHeader: UInt8, blockSize: Int) -> [UInt8] {
        let alignment = max(blockSize, 4)
        let padLength = (alignment - (payload.count + 2) % alignment) % alignment
        var plaintext = payload
        plaintext.reserveCapacity(payload.count + padLength + 2)
        for value in 0..<padLength { plaintext.append(UInt8(value + 1)) }
        plaintext.append(UInt8(padLength))
        plaintext.append(nextHeader)
        return plaintext
    }

    /// The payload and next header of a decrypted `plaintext`; `invalidPadding` when the pad
    /// length runs past the start or the padding is not the monotonic 1, 2, 3, ... that
    /// RFC 4303 section 2.4 has the sender use.
    static func strip(_ plaintext: [UInt8]) throws(IPsecError) -> (
        payload: [UInt8], nextHeader: UInt8
    ) {
        guard plaintext.count >= 2 else {
            throw IPsecError(.invalidPadding, "no room for pad length and next header")
        }
        let nextHeader = plaintext[plaintext.count - 1]
        let padLength = Int(plaintext[plaintext.count - 2])
        let payloadEnd = plaintext.count - 2 - padLength
        guard payloadEnd >= 0 else {
            throw IPsecError(
                .invalidPadding,
                "pad length \(padLength) exceeds the \(plaintext.count - 2) octets before it")
        }
        for index in 0..<padLength where plaintext[payloadEnd + index] != UInt8(index + 1) {
            throw IPsecError(.invalidPadding, "padding octet \(index + 1) is not \(index + 1)")
        }
        return (Array(plaintext[..<payloadEnd]), nextHeader)
    }
}
