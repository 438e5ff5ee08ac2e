import IKECore

extension PRF {
    /// prf+ (RFC 7296 section 2.13): `length` octets of T1 | T2 | ..., where
    /// T1 = prf(K, S | 0x01) and Tn = prf(K, Tn-1 | S | n).
    ///
    /// The counter is one octet, so at most 255 blocks can be made; asking for more is
    /// `invalidInputLength`. One keyed context serves every iteration.
    public func plus(key: SecretBytes, seed: [UInt8], length: Int) throws -> SecretBytes {
        try key.withUnsafeBytes { key in
            try seed.withUnsafeBytes { seed in try expand(key: key, seed: seed, length: length) }
        }
    }

    /// prf+ over a secret seed (g^ir (new) | Ni | Nr when rekeying with PFS).
    public func plus(key: SecretBytes, seed: SecretBytes, length: Int) throws -> SecretBytes {
        try key.withUnsafeBytes { key in
            try seed.withUnsafeBytes { seed in try expand(key: key, seed: seed, length: length) }
        }
    }

    private func expand(key: UnsafeRawBufferPointer, seed: UnsafeRawBufferPointer, length: Int)
        throws -> SecretBytes
    {
        guard length >= 0, length <= 255 * outputLength else {
            throw CryptoError(
                .invalidInputLength,
                "prf+ makes at most \(255 * outputLength) octets with this PRF, not \(length)")
        }
        let mac = try keyed(key)
        var output: [UInt8] = []
        output.reserveCapacity(length + outputLength)
        var previous: [UInt8] = []

        var counter: UInt8 = 1
        while output.count < length {
            try previous.withUnsafeBytes { try mac.update($0) }
            try mac.update(seed)
            try withUnsafeBytes(of: counter) { try mac.update($0) }
            let block = try mac.finish()
            output.append(contentsOf: block)
            previous = block
            counter &+= 1
        }

        // Wipe the chaining value and anything made beyond the requested length.
        for index in previous.indices { previous[index] = 0 }
        let result = SecretBytes(Array(output.prefix(length)))
        for index in output.indices { output[index] = 0 }
        return result
    }
}
