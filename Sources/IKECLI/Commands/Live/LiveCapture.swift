import IKECapture
import IKECore
import IKEEngine
import IKETransport

/// What `--pcap` and `--keys` write for a live run: every datagram as it crossed the
/// wire, and Wireshark's key tables for every SA that was established. The key tables
/// are the only output of ikec that holds secrets.
enum LiveCapture {
    /// A capture of the records, each a UDP datagram in an IP packet (LINKTYPE_RAW).
    static func pcap(_ records: [TransportRecord]) throws(CaptureError) -> PcapFile {
        var file = PcapFile()
        for record in records {
            let datagram = UDPDatagram(
                sourcePort: record.source.port, destinationPort: record.destination.port,
                payload: record.payload)
            let packet: IPPacket
            do {
                packet = try IPPacket(
                    udp: datagram, source: record.source.address,
                    destination: record.destination.address)
            } catch {
                throw CaptureError(.framing, error.description)
            }
            try file.append(
                packet, at: PcapTimestamp(microsecondsSinceEpoch: record.microsecondsSinceEpoch))
        }
        return file
    }

    /// Key rows for every IKE SA and both directions of every Child SA in `outcomes`.
    static func keyTables(_ outcomes: [NegotiationOutcome]) -> WiresharkKeyTables {
        var tables = WiresharkKeyTables()
        for outcome in outcomes {
            // An IKE SA without an encryption transform gives no rows, nor do its Child SAs.
            guard let sa = outcome.ikeSA, !sa.selectedProposal.encryption.isEmpty else {
                continue
            }
            tables.append(ikeSA: sa)
            for child in outcome.children {
                guard let childSA = child.childSA, childSA.protocolID == .esp,
                    let childCipher = childSA.cipher
                else { continue }
                let integrity = childSA.integrity
                let keys = childSA.keys
                tables.esp.append(
                    ESPKeyRow(
                        source: outcome.local, destination: outcome.remote,
                        spi: childSA.outboundSPI, encryption: childCipher,
                        encryptionKey: keys.outboundEncryptionKey, integrity: integrity,
                        integrityKey: integrity == nil ? nil : keys.outboundIntegrityKey))
                tables.esp.append(
                    ESPKeyRow(
                        source: outcome.remote, destination: outcome.local,
                        spi: childSA.inboundSPI, encryption: childCipher,
                        encryptionKey: keys.inboundEncryptionKey, integrity: integrity,
                        integrityKey: integrity == nil ? nil : keys.inboundIntegrityKey))
            }
        }
        return tables
    }

    /// Writes what was asked for and returns `(kind, path)` for the report, notes on rows
    /// Wireshark cannot use, and the problems met.
    static func write(
        records: [TransportRecord], outcomes: [NegotiationOutcome], pcapPath: String?,
        keysPath: String?
    ) -> (files: [(String, String)], notes: [String], problems: [String]) {
        var files: [(String, String)] = []
        var notes: [String] = []
        var problems: [String] = []
        if let pcapPath {
            do {
                try pcap(records).write(to: pcapPath)
                files.append(("pcap", pcapPath))
            } catch {
                problems.append("cannot write the capture '\(pcapPath)': \(error)")
            }
        }
        if let keysPath {
            do {
                let report = try WiresharkKeyFile.write(
                    keyTables(outcomes), toDirectory: keysPath, acknowledgingSecrets: true)
                files.append(("keys", keysPath))
                for row in report.skipped { notes.append("key table row left out: \(row)") }
            } catch {
                problems.append("cannot write the key tables '\(keysPath)': \(error)")
            }
        }
        return (files, notes, problems)
    }
}
