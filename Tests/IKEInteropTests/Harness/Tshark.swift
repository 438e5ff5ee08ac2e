import Foundation

/// What tshark makes of a capture, frame by frame, given the key tables ikec wrote.
struct TsharkDecode {
    /// One frame's verbose dissection.
    struct Frame {
        let text: String
        /// Whether the frame's octets repeat an earlier frame's: a retransmission.
        /// Wireshark 4.0 follows the IKEv1 CBC IV chain per Message ID and so decrypts an
        /// exact copy of an encrypted IKEv1 message with the wrong IV (RFC 2409 appendix
        /// B); such a copy is judged by its original.
        var isRetransmission = false

        var isIKE: Bool { text.contains("Internet Security Association and Key Management") }
        var isESP: Bool { text.contains("Encapsulating Security Payload") }
        /// IKEv2 SK payload, or an IKEv1 message with the encryption flag.
        var isEncryptedIKE: Bool {
            text.contains("Payload: Encrypted and Authenticated (46)")
                || (text.contains("Version: 1.0")
                    && text.contains(".... ...1 = Encryption: Encrypted"))
        }
        /// IKEv2 shows "Decrypted Data"; IKEv1 dissects the payloads under "Encrypted
        /// Data" when its key is known, and shows the octets alone when not.
        var isDecryptedIKE: Bool {
            if text.contains("Decrypted Data") { return true }
            guard let encrypted = text.range(of: "Encrypted Data (") else { return false }
            return text[encrypted.upperBound...].contains("Payload: ")
        }
        var isDecryptedESP: Bool { text.contains("ESP Decrypted Data") }
        /// Wireshark's complaints: malformed packets, errors, failed checks.
        var problems: [String] {
            if isRetransmission && text.contains("Version: 1.0") { return [] }
            return text.split(separator: "\n").map(String.init).filter {
                $0.contains("Malformed") || $0.contains("Expert Info (Error")
                    || $0.contains("[incorrect") || $0.contains("Dissector bug")
            }
        }
    }

    let frames: [Frame]

    /// Decodes `pcap` with `WIRESHARK_CONFIG_DIR` set to `keys` (ikec's key tables).
    init(pcap: String, keys: String) throws {
        let result = try Command.run(
            [
                "env", "WIRESHARK_CONFIG_DIR=\(keys)", "tshark", "-n", "-r", pcap, "-V",
                "-o", "esp.enable_encryption_decode:TRUE",
                "-o", "esp.enable_authentication_check:TRUE",
            ], timeout: 60)
        guard result.status == 0 else {
            throw InteropSetupError("tshark could not read the capture:\n\(result.transcript)")
        }
        var frames: [Frame] = []
        var current: [Substring] = []
        for line in result.stdout.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("Frame "), !current.isEmpty {
                frames.append(Frame(text: current.joined(separator: "\n")))
                current = []
            }
            current.append(line)
        }
        if !current.isEmpty, current.contains(where: { $0.hasPrefix("Frame ") }) {
            frames.append(Frame(text: current.joined(separator: "\n")))
        }
        let records = try Self.records(pcap)
        for index in frames.indices where index < records.count {
            frames[index].isRetransmission = records[..<index].contains(records[index])
        }
        self.frames = frames
    }

    /// The packets of a classic little-endian pcap file, in order.
    static func records(_ path: String) throws -> [[UInt8]] {
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        var records: [[UInt8]] = []
        var offset = 24
        while offset + 16 <= bytes.count {
            let length = bytes[(offset + 8)..<(offset + 12)].reversed().reduce(0) {
                $0 << 8 | Int($1)
            }
            let start = offset + 16
            guard start + length <= bytes.count else { break }
            records.append(Array(bytes[start..<(start + length)]))
            offset = start + length
        }
        return records
    }

    var problems: [String] { frames.flatMap(\.problems) }
    var encryptedIKE: [Frame] { frames.filter { $0.isIKE && $0.isEncryptedIKE } }
    var esp: [Frame] { frames.filter(\.isESP) }
}
