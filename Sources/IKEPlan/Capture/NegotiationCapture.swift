import IKECapture
import IKECore
import IKEEngine

/// A dry run's packets as a pcap file and its keys as Wireshark key tables (IKECapture).
/// The key tables are the only output of ikec that holds key material; the command line
/// writes them only when asked (`--keys`), with mode 0600.
public enum NegotiationCapture {
    /// Every IKE datagram (UDP from the configured addresses and ports) and every sealed
    /// test packet of every direction, in order. Timestamps start at the validation time
    /// and advance a millisecond per packet; directions are a second apart.
    public static func pcap(_ report: NegotiationReport) throws(CaptureError) -> PcapFile {
        var file = PcapFile()
        var micros = UInt64(max(0, report.validationTime)) * 1_000_000
        for direction in report.directions {
            for packet in direction.capture {
                let timestamp = PcapTimestamp(microsecondsSinceEpoch: micros)
                switch packet {
                case .ike(let datagram):
                    try file.appendIKE(
                        datagram.message, from: datagram.source.address,
                        port: datagram.source.port, to: datagram.destination.address,
                        port: datagram.destination.port, at: timestamp)
                case .ipsec(let octets):
                    try file.append(ipPacket: octets, at: timestamp)
                }
                micros += 1_000
            }
            micros += 1_000_000
        }
        return file
    }

    /// The keys of every IKE SA and ESP SA of the run, initial and rekeyed, for Wireshark.
    public static func keyTables(_ report: NegotiationReport) -> WiresharkKeyTables {
        var tables = WiresharkKeyTables()
        for direction in report.directions {
            var ikeSAs = direction.ikeSA.map { [$0] } ?? []
            ikeSAs += direction.rekeys.compactMap(\.ikeSA)
            for sa in ikeSAs { tables.append(ikeSA: sa.initiatorSummary) }
            var children = direction.children
            children += direction.rekeys.compactMap(\.child)
            guard let first = direction.initiatorAddress, let second = direction.responderAddress
            else { continue }
            for child in children {
                add(child, initiator: first, responder: second, to: &tables)
            }
        }
        return tables
    }

    /// Both directions of an ESP Child SA, each from the sending end's keys. AH SAs have
    /// no Wireshark decryption table and are left out.
    private static func add(
        _ child: AgreedChildSA, initiator: IPAddress, responder: IPAddress,
        to tables: inout WiresharkKeyTables
    ) {
        guard child.protocolID == .esp, let cipher = child.proposal.encryption.first else {
            return
        }
        let integrity = child.proposal.integrity.first
        let ends = [
            (child.initiatorView, initiator, responder),
            (child.responderView, responder, initiator),
        ]
        for (sender, source, destination) in ends {
            tables.esp.append(
                ESPKeyRow(
                    source: source, destination: destination, spi: sender.outboundSPI,
                    encryption: cipher, encryptionKey: sender.keys.outboundEncryptionKey,
                    integrity: integrity,
                    integrityKey: integrity == nil ? nil : sender.keys.outboundIntegrityKey))
        }
    }
}
