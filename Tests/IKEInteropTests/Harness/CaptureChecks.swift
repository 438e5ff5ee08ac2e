import Foundation
import Testing

/// What every case checks in ikec's own capture and key tables.
enum CaptureChecks {
    /// tshark decodes every frame without complaint and decrypts every encrypted IKE
    /// message and every ESP packet (which carry the echo) with the keys ikec exported;
    /// with `expectESP`, ESP must be there. The key tables are readable by their owner
    /// alone.
    static func expectClean(_ run: InteropEnvironment.CaseRun, expectESP: Bool) {
        let capture = run.capture
        #expect(!capture.frames.isEmpty, "the capture is empty")
        #expect(capture.problems.isEmpty, "tshark complains: \(capture.problems)")
        for frame in capture.frames where !frame.isIKE && !frame.isESP {
            #expect(frame.text.contains("NAT-keepalive"), "an unexpected frame:\n\(frame.text)")
        }
        for frame in capture.encryptedIKE {
            #expect(
                frame.isDecryptedIKE, "an encrypted IKE message did not decrypt:\n\(frame.text)")
        }
        if expectESP { #expect(!capture.esp.isEmpty, "no ESP in the capture") }
        for frame in capture.esp {
            #expect(frame.isDecryptedESP, "an ESP packet did not decrypt:\n\(frame.text)")
            #expect(frame.text.contains("Internet Control Message Protocol"))
        }
        expectPrivateKeyTables(in: "\(run.folder)/keys")
    }

    /// ikec's key tables (the only output with secrets) are mode 0600 in a 0700 folder.
    static func expectPrivateKeyTables(in folder: String) {
        let manager = FileManager.default
        let names = (try? manager.contentsOfDirectory(atPath: folder)) ?? []
        #expect(names.contains("ikev2_decryption_table") && names.contains("esp_sa"))
        let folderMode = (try? manager.attributesOfItem(atPath: folder))?[.posixPermissions]
        #expect(folderMode as? Int == 0o700, "key folder mode \(String(describing: folderMode))")
        for name in names {
            let mode = (try? manager.attributesOfItem(atPath: "\(folder)/\(name)"))?[
                .posixPermissions]
            #expect(mode as? Int == 0o600, "\(name) has mode \(String(describing: mode))")
        }
    }
}
