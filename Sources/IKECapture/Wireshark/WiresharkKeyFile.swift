/// The one place ikec writes secrets: Wireshark key tables, so that a capture of a dry run
/// can be read decrypted.
///
/// The folder gets `ikev2_decryption_table`, `ikev1_decryption_table` and `esp_sa` (the UAT
/// files Wireshark 4.0 reads), a `preferences` file turning on ESP decryption and ICV
/// checks, and a `README`. Every file is created with mode 0600 and renamed into place
/// whole, so it is never readable by others and never seen half-written. Pointing
/// Wireshark at the folder: `WIRESHARK_CONFIG_DIR=<folder> wireshark -r <capture>`.
public enum WiresharkKeyFile {
    /// The names of the files written, in order.
    public static let fileNames = [
        "ikev2_decryption_table", "ikev1_decryption_table", "esp_sa", "preferences", "README",
    ]

    /// Writes `tables` into `directory` (made with mode 0700 if missing) and returns what
    /// was written and skipped. `acknowledgingSecrets` must be true: the call site says in
    /// so many words that it writes session keys to disk.
    ///
    /// `invalidInput` before anything is written if a row's keys do not fit its
    /// algorithms; `fileSystem` if a file cannot be written, in which case no temporary
    /// file remains and files already in place are whole.
    public static func write(
        _ tables: WiresharkKeyTables, toDirectory directory: String, acknowledgingSecrets: Bool
    ) throws(CaptureError) -> WiresharkKeyFileReport {
        precondition(acknowledgingSecrets, "writing session keys must be acknowledged")
        let (files, skipped) = try tables.render()
        let preferences =
            "# Wireshark preferences written by ikec: decrypt ESP with esp_sa.\n"
            + "esp.enable_encryption_decode: TRUE\n"
            + "esp.enable_authentication_check: TRUE\n"
        let usage = "WIRESHARK_CONFIG_DIR='\(directory)' wireshark -r <capture.pcap>"
        let readme =
            "Wireshark key tables written by ikec. They hold session keys: keep them private.\n"
            + "Read a capture decrypted with: \(usage)\n"
            + "(tshark takes the same variable.)\n"

        try SecureFileWriter.makeDirectory(directory)
        var written: [String] = []
        for (name, text) in files + [("preferences", preferences), ("README", readme)] {
            let path = directory.hasSuffix("/") ? directory + name : directory + "/" + name
            try SecureFileWriter.write(Array(text.utf8), to: path)
            written.append(path)
        }
        return WiresharkKeyFileReport(
            directory: directory, files: written, skipped: skipped, usage: usage)
    }
}

/// What `WiresharkKeyFile.write` did.
public struct WiresharkKeyFileReport: Sendable, Hashable {
    /// The folder written into.
    public let directory: String
    /// The paths written.
    public let files: [String]
    /// Rows left out because Wireshark 4.0 cannot use them.
    public let skipped: [WiresharkSkippedRow]
    /// The command line that opens a capture with these keys.
    public let usage: String
}
