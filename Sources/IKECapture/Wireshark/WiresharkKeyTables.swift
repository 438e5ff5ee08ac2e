import IKECore

/// The rows of Wireshark's three key tables: what ikec derived, for a capture to be read
/// with its payloads decrypted. Holding keys, the tables have no printable text of their
/// own; `WiresharkKeyFile.write` is the only way their contents leave the process.
public struct WiresharkKeyTables: Sendable, Hashable {
    /// IKEv2 SAs.
    public var ikev2: [IKEv2KeyRow]
    /// IKEv1 SAs.
    public var ikev1: [IKEv1KeyRow]
    /// ESP SAs, one per direction.
    public var esp: [ESPKeyRow]

    /// Tables holding the given rows.
    public init(ikev2: [IKEv2KeyRow] = [], ikev1: [IKEv1KeyRow] = [], esp: [ESPKeyRow] = []) {
        self.ikev2 = ikev2
        self.ikev1 = ikev1
        self.esp = esp
    }

    /// The rows Wireshark 4.0 cannot use, each with the reason; they are left out of the
    /// files. `invalidInput` for a row whose keys do not fit its algorithms.
    public func undecryptableRows() throws(CaptureError) -> [WiresharkSkippedRow] {
        try render().skipped
    }

    /// The files' text and the skipped rows; `invalidInput` for a row whose keys do not
    /// fit its algorithms. The text holds secrets: only the key file writer calls this.
    func render() throws(CaptureError) -> (
        files: [(name: String, text: String)], skipped: [WiresharkSkippedRow]
    ) {
        var skipped: [WiresharkSkippedRow] = []
        var ikev2Lines: [String] = []
        for row in ikev2 {
            let identifier =
                "IKEv2 SPIs \(Self.hex(row.initiatorSPI))/\(Self.hex(row.responderSPI))"
            let encryption = WiresharkAlgorithms.ikev2Encryption(row.encryption)
            let integrity = WiresharkAlgorithms.ikev2Integrity(row.integrity)
            guard let encryptionName = encryption.tableName,
                let integrityName = integrity.tableName
            else {
                skipped.append(
                    WiresharkSkippedRow(row: identifier, reason: Self.reason(encryption, integrity))
                )
                continue
            }
            try Self.checkLength(
                row.initiatorEncryptionKey, row.encryption.keyMaterialLength, identifier)
            try Self.checkLength(
                row.responderEncryptionKey, row.encryption.keyMaterialLength, identifier)
            let integrityKeys = try Self.integrityKeys(
                row.integrity, row.initiatorIntegrityKey, row.responderIntegrityKey, identifier)
            ikev2Lines.append(
                [
                    Self.hex(row.initiatorSPI), Self.hex(row.responderSPI),
                    row.initiatorEncryptionKey.revealed.hexString,
                    row.responderEncryptionKey.revealed.hexString, Self.quoted(encryptionName),
                    integrityKeys.0, integrityKeys.1, Self.quoted(integrityName),
                ].joined(separator: ","))
        }

        var ikev1Lines: [String] = []
        for row in ikev1 {
            let identifier = "IKEv1 cookie \(Self.hex(row.initiatorCookie))"
            let encryption = WiresharkAlgorithms.ikev1Encryption(row.encryption)
            guard encryption.tableName != nil else {
                skipped.append(
                    WiresharkSkippedRow(row: identifier, reason: Self.reason(encryption)))
                continue
            }
            try Self.checkLength(
                row.encryptionKey, row.encryption.keyMaterialLength, identifier)
            ikev1Lines.append(
                Self.hex(row.initiatorCookie) + "," + row.encryptionKey.revealed.hexString)
        }

        var espLines: [String] = []
        for row in esp {
            let identifier = "ESP SPI \(Self.hex32(row.spi)) \(row.source) > \(row.destination)"
            guard row.source.isIPv4 == row.destination.isIPv4 else {
                throw CaptureError(.invalidInput, "\(identifier): addresses of two families")
            }
            let encryption = WiresharkAlgorithms.espEncryption(row.encryption)
            let authentication = WiresharkAlgorithms.espAuthentication(row.integrity)
            guard let encryptionName = encryption.tableName,
                let authenticationName = authentication.tableName
            else {
                skipped.append(
                    WiresharkSkippedRow(
                        row: identifier, reason: Self.reason(encryption, authentication)))
                continue
            }
            try Self.checkLength(row.encryptionKey, row.encryption.keyMaterialLength, identifier)
            let integrityKey = try Self.integrityKeys(
                row.integrity, row.integrityKey, row.integrityKey, identifier
            ).0
            let fields = [
                row.source.isIPv4 ? "IPv4" : "IPv6", row.source.description,
                row.destination.description, Self.hex32(row.spi),
                encryptionName,
                row.encryptionKey.isEmpty ? "" : "0x" + row.encryptionKey.revealed.hexString,
                authenticationName, integrityKey.isEmpty ? "" : "0x" + integrityKey,
            ]
            espLines.append(fields.map(Self.quoted).joined(separator: ","))
        }

        let files = [
            ("ikev2_decryption_table", Self.table(ikev2Lines)),
            ("ikev1_decryption_table", Self.table(ikev1Lines)),
            ("esp_sa", Self.table(espLines)),
        ]
        return (files, skipped)
    }

    private static func table(_ lines: [String]) -> String {
        "# Wireshark UAT written by ikec. It holds session keys: keep it private.\n"
            + lines.map { $0 + "\n" }.joined()
    }

    private static func integrityKeys(
        _ integrity: IntegrityAlgorithm?, _ initiator: SecretBytes?, _ responder: SecretBytes?,
        _ identifier: String
    ) throws(CaptureError) -> (String, String) {
        guard let integrity else { return ("", "") }
        guard let initiator, let responder else {
            throw CaptureError(
                .invalidInput, "\(identifier): \(integrity.info.ianaName) without its key")
        }
        try checkLength(initiator, integrity.info.keyLength, identifier)
        try checkLength(responder, integrity.info.keyLength, identifier)
        return (initiator.revealed.hexString, responder.revealed.hexString)
    }

    private static func checkLength(_ key: SecretBytes, _ expected: Int, _ identifier: String)
        throws(CaptureError)
    {
        guard key.count == expected else {
            throw CaptureError(
                .invalidInput,
                "\(identifier): a key of \(key.count) octets where \(expected) are needed")
        }
    }

    private static func reason(_ names: WiresharkAlgorithmName...) -> String {
        for name in names {
            if case .notDecryptableByWireshark4(let reason) = name { return reason }
        }
        return "not decryptable by Wireshark 4.0"
    }

    private static func quoted(_ text: String) -> String {
        // UAT strings escape a quote or backslash as \xNN; ikec's fields never hold one,
        // but an address or name is escaped all the same.
        var out = "\""
        for scalar in text.unicodeScalars {
            if scalar == "\"" || scalar == "\\" {
                out += "\\x" + String(scalar.value, radix: 16)
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    private static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    private static func hex32(_ value: UInt32) -> String {
        let digits = String(value, radix: 16)
        return "0x" + String(repeating: "0", count: 8 - digits.count) + digits
    }
}

/// A row left out of the key files because Wireshark 4.0 cannot use it.
public struct WiresharkSkippedRow: Sendable, Hashable, CustomStringConvertible {
    /// Which row: its SPIs or cookie and addresses (never keys).
    public let row: String
    /// Why Wireshark cannot use it.
    public let reason: String

    /// `row: reason`.
    public var description: String { "\(row): \(reason)" }
}
