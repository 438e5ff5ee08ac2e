import Foundation

/// A rough, explainable estimate of how hard a pre-shared key is to guess.
///
/// Text keys (all printable ASCII) count log2 of the alphabet their character classes
/// span (lower case 26, upper case 26, digits 10, other printable 33) for each character;
/// binary keys count 8 bits per octet. A character that repeats one of the previous two,
/// or steps by one from the previous (`abc`, `321`), counts a single bit. This catches
/// passwords, keyboard runs and padding; it cannot recognise a dictionary word, so a long
/// passphrase of common words passes.
enum SecretStrength {
    /// The estimated entropy of `octets` in bits, rounded down.
    static func estimatedBits(_ octets: [UInt8]) -> Int {
        guard !octets.isEmpty else { return 0 }
        let perSymbol = symbolBits(octets)
        var total = 0.0
        for (index, octet) in octets.enumerated() {
            if index > 0, isPredictable(octet, after: octets[..<index]) {
                total += 1
            } else {
                total += perSymbol
            }
        }
        return Int(total.rounded(.down))
    }

    private static func isPredictable(_ octet: UInt8, after earlier: ArraySlice<UInt8>) -> Bool {
        guard let previous = earlier.last else { return false }
        if octet == previous || Int(octet) - Int(previous) == 1 || Int(previous) - Int(octet) == 1 {
            return true
        }
        let beforePrevious = earlier.dropLast().last
        return octet == beforePrevious
    }

    private static func symbolBits(_ octets: [UInt8]) -> Double {
        guard octets.allSatisfy({ (0x20...0x7E).contains($0) }) else { return 8 }
        var pool = 0
        if octets.contains(where: { (0x61...0x7A).contains($0) }) { pool += 26 }
        if octets.contains(where: { (0x41...0x5A).contains($0) }) { pool += 26 }
        if octets.contains(where: { (0x30...0x39).contains($0) }) { pool += 10 }
        let other = octets.contains { octet in
            !(0x61...0x7A).contains(octet) && !(0x41...0x5A).contains(octet)
                && !(0x30...0x39).contains(octet)
        }
        if other { pool += 33 }
        return log2(Double(max(pool, 2)))
    }
}
