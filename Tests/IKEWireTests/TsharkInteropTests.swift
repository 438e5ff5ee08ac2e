import Foundation
import IKECore
import Testing

@testable import IKEWire

/// Writes encoded messages into a pcap file (UDP over IPv4, port 500) and has Wireshark's
/// dissector read them back: nothing may be malformed, and the fields Wireshark shows must
/// be the ones encoded. Needs `/usr/bin/tshark`; CI installs it, and without it the test
/// fails with instructions rather than being skipped.
@Suite("Wireshark (tshark) reads our encodings")
struct TsharkInteropTests {
    static let tshark = "/usr/bin/tshark"

    /// A pcap file of raw IPv4 packets (LINKTYPE_RAW, 101), each carrying one UDP
    /// datagram from 192.0.2.1:500 to 192.0.2.2:500.
    static func pcap(_ datagrams: [[UInt8]]) -> [UInt8] {
        var file: [UInt8] = []
        func little32(_ value: UInt32) { withUnsafeBytes(of: value.littleEndian) { file += $0 } }
        func little16(_ value: UInt16) { withUnsafeBytes(of: value.littleEndian) { file += $0 } }
        little32(0xA1B2_C3D4)
        little16(2)
        little16(4)
        little32(0)
        little32(0)
        little32(65_535)
        little32(101)
        for (index, datagram) in datagrams.enumerated() {
            let packet = ipv4UDP(datagram)
            little32(1_700_000_000 + UInt32(index))
            little32(0)
            little32(UInt32(packet.count))
            little32(UInt32(packet.count))
            file += packet
        }
        return file
    }

    static func ipv4UDP(_ payload: [UInt8]) -> [UInt8] {
        let total = 20 + 8 + payload.count
        var header: [UInt8] = [
            0x45, 0, UInt8(total >> 8), UInt8(total & 0xFF), 0, 1, 0x40, 0, 64, 17, 0, 0,
            192, 0, 2, 1, 192, 0, 2, 2,
        ]
        var sum: UInt32 = 0
        for index in stride(from: 0, to: 20, by: 2) {
            sum += UInt32(header[index]) << 8 | UInt32(header[index + 1])
        }
        while sum > 0xFFFF { sum = (sum & 0xFFFF) + (sum >> 16) }
        let checksum = ~UInt16(sum)
        header[10] = UInt8(checksum >> 8)
        header[11] = UInt8(checksum & 0xFF)
        let udpLength = 8 + payload.count
        let udp: [UInt8] = [
            0x01, 0xF4, 0x01, 0xF4, UInt8(udpLength >> 8), UInt8(udpLength & 0xFF), 0, 0,
        ]
        return header + udp + payload
    }

    /// Runs tshark over the messages and returns its verbose text.
    static func dissect(_ datagrams: [[UInt8]]) throws -> String {
        guard FileManager.default.isExecutableFile(atPath: tshark) else {
            let install = "DEBIAN_FRONTEND=noninteractive apt-get install -y tshark"
            Issue.record("tshark is required and was not found at \(tshark); run `\(install)`")
            return ""
        }
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("ikewire-tshark-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("wire.pcap")
        try Data(pcap(datagrams)).write(to: file)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: tshark)
        process.arguments = ["-n", "-r", file.path, "-V"]
        var environment = ProcessInfo.processInfo.environment
        environment["HOME"] = directory.path
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "tshark exited with \(process.terminationStatus)")
        return String(decoding: data, as: UTF8.self)
    }

    static func expectClean(_ text: String) {
        #expect(!text.isEmpty)
        for line in text.split(separator: "\n")
        where line.contains("Malformed") || line.contains("Expert Info (Error") {
            Issue.record("tshark reports: \(line.trimmingCharacters(in: .whitespaces))")
        }
    }
}

extension TsharkInteropTests {
    static func ikev2Exchange() throws -> [[UInt8]] {
        let initHeader = IKEv2Header(
            initiatorSPI: 0x0102_0304_0506_0708, responderSPI: 0, exchangeType: .ikeSAInit,
            flags: .initiator, messageID: 0)
        let request = IKEv2Message(
            header: initHeader,
            payloads: [
                .securityAssociation(
                    IKEv2SAPayload(proposals: [
                        IKEv2Proposal(
                            number: 1,
                            proposal: Proposal(
                                protocolID: .ike, encryption: [Cipher(.aesGCM16, keyBits: 256)],
                                prf: [.hmacSHA384], dhGroups: [.curve25519])),
                        IKEv2Proposal(number: 2, proposal: Samples.ikeProposal),
                    ])),
                .keyExchange(
                    IKEv2KeyExchangePayload(
                        group: .curve25519, keyData: Array(repeating: 9, count: 32))),
                .nonce(IKEv2NoncePayload(data: Array(repeating: 0x4E, count: 32))),
                .notify(
                    IKEv2NotifyPayload(
                        type: .natDetectionSourceIP, data: Array(repeating: 1, count: 20))),
                .notify(
                    IKEv2NotifyPayload(
                        type: .natDetectionDestinationIP, data: Array(repeating: 2, count: 20))),
                .notify(.signatureHashAlgorithms([.sha256, .sha384, .sha512, .identity])),
                .notify(IKEv2NotifyPayload(type: .ikev2FragmentationSupported)),
                .vendorID(IKEv2VendorIDPayload(data: Array("ikec".utf8))),
            ])
        var responseHeader = initHeader
        responseHeader.responderSPI = 0x1112_1314_1516_1718
        responseHeader.flags = .response
        let selected = IKEv2SelectedProposal(
            number: 1, protocolID: .ike, encryption: Cipher(.aesGCM16, keyBits: 256),
            prf: .hmacSHA384,
            dhGroup: .curve25519)
        let response = IKEv2Message(
            header: responseHeader,
            payloads: [
                .securityAssociation(IKEv2SAPayload(proposals: [selected.wireProposal])),
                .keyExchange(
                    IKEv2KeyExchangePayload(
                        group: .curve25519, keyData: Array(repeating: 8, count: 32))),
                .nonce(IKEv2NoncePayload(data: Array(repeating: 0x4F, count: 32))),
                .certificateRequest(
                    IKEv2CertificateRequestPayload(x509AuthorityKeyHashes: [
                        Array(repeating: 7, count: 20)
                    ])),
                .notify(IKEv2NotifyPayload(type: .multipleAuthSupported)),
            ])
        var authHeader = initHeader
        authHeader.responderSPI = 0x1112_1314_1516_1718
        authHeader.exchangeType = .ikeAuth
        authHeader.messageID = 1
        let auth = IKEv2Message(
            header: authHeader,
            payloads: [
                .encrypted(
                    IKEv2EncryptedPayload(
                        firstInnerPayload: .identificationInitiator,
                        body: Array(repeating: 0xA5, count: 96)))
            ])
        var fragmentHeader = authHeader
        fragmentHeader.messageID = 2
        let fragment = IKEv2Message(
            header: fragmentHeader,
            payloads: [
                .encryptedFragment(
                    IKEv2EncryptedFragmentPayload(
                        firstInnerPayload: .identificationInitiator, fragmentNumber: 1,
                        totalFragments: 2,
                        body: Array(repeating: 0x5A, count: 64)))
            ])
        var clearHeader = authHeader
        clearHeader.exchangeType = .createChildSA
        clearHeader.messageID = 3
        // Every payload type in cleartext; the certificate is a hash and URL, since the
        // sample's stand-in DER would (rightly) be flagged by the X.509 dissector.
        let hashAndURL = IKEv2CertificatePayload(
            encoding: .hashAndURLX509,
            data: Array(repeating: 0x48, count: 20) + Array("http://ca.example/hq.der".utf8))
        let everything = IKEv2Message(
            header: clearHeader,
            payloads: Samples.ikev2Payloads.map { payload in
                if case .certificate = payload { return .certificate(hashAndURL) }
                return payload
            })
        return try [request, response, auth, fragment, everything].map { try $0.encode() }
    }

    static func ikev1Exchange() throws -> [[UInt8]] {
        let header = Samples.isakmpHeader()
        var first = header
        first.responderCookie = 0
        let mainMode1 = ISAKMPMessage(
            header: first,
            payloads: [
                .securityAssociation(
                    ISAKMPSAPayload(proposals: [.phase1(transforms: Samples.phase1Transforms)!])),
                .vendorID(
                    ISAKMPVendorIDPayload(data: [UInt8](hex: "4a131c81070358455c5728f20e95452f")!)),
            ])
        let mainMode3 = ISAKMPMessage(
            header: header,
            payloads: [
                .keyExchange(ISAKMPKeyExchangePayload(data: Array(repeating: 3, count: 256))),
                .nonce(ISAKMPNoncePayload(data: Array(repeating: 4, count: 32))),
                .natDiscovery(ISAKMPNATDiscoveryPayload(hash: Array(repeating: 5, count: 32))),
                .natDiscovery(ISAKMPNATDiscoveryPayload(hash: Array(repeating: 6, count: 32))),
            ])
        var encryptedHeader = header
        encryptedHeader.flags = .encryption
        encryptedHeader.nextPayload = .identification
        let mainMode5 = ISAKMPMessage(
            header: encryptedHeader, body: .encrypted(Array(repeating: 0x77, count: 64)))
        let quick = ISAKMPMessage(
            header: Samples.isakmpHeader(.quickMode, messageID: 0x0BAD_CAFE),
            payloads: Samples.isakmpMessages[1].payloads!)
        let informational = ISAKMPMessage(
            header: Samples.isakmpHeader(.informational, messageID: 0x0102_0304),
            payloads: [
                .hash(ISAKMPHashPayload(data: Array(repeating: 0, count: 20))),
                .notification(
                    ISAKMPNotificationPayload(
                        type: .rUThere, spi: Array(repeating: 0xAB, count: 16),
                        data: [0, 0, 0, 1])),
                .delete(
                    ISAKMPDeletePayload(protocolID: 3, spiSize: 4, spis: [[0xCA, 0xFE, 0, 1]])),
            ])
        return try [mainMode1, mainMode3, mainMode5, quick, informational].map { try $0.encode() }
    }
}

extension TsharkInteropTests {
    @Test("IKEv2 messages with every payload type dissect cleanly, with the encoded values")
    func ikev2Dissection() throws {
        let text = try Self.dissect(try Self.ikev2Exchange())
        Self.expectClean(text)
        let expected = [
            "Exchange type: IKE_SA_INIT (34)", "Exchange type: IKE_AUTH (35)",
            "Exchange type: CREATE_CHILD_SA (36)", "Version: 2.0",
            "Flags: 0x08 (Initiator, No higher version, Request)",
            "Flags: 0x20 (Responder, No higher version, Response)",
            "Payload: Security Association (33)", "Payload: Key Exchange (34)",
            "Payload: Identification - Initiator (35)", "Payload: Identification - Responder (36)",
            "Payload: Certificate (37)", "Payload: Certificate Request (38)",
            "Payload: Authentication (39)", "Payload: Nonce (40)", "Payload: Notify (41)",
            "Payload: Delete (42)", "Payload: Vendor ID (43)",
            "Payload: Traffic Selector - Initiator (44)",
            "Payload: Traffic Selector - Responder (45)",
            "Payload: Encrypted and Authenticated (46)", "Payload: Configuration (47)",
            "Payload: Extensible Authentication (48)",
            "Payload: Encrypted and Authenticated Fragment (53)",
            "Transform ID (ENCR): AES-GCM with a 16 octet ICV (20)", "Key Length: 256",
            "Key Length: 128", "Transform ID (ENCR): ENCR_AES_CBC (12)",
            "Transform ID (PRF): PRF_HMAC_SHA2_384 (6)",
            "Transform ID (PRF): PRF_HMAC_SHA2_256 (5)",
            "Transform ID (INTEG): AUTH_HMAC_SHA2_256_128 (12)",
            "Transform ID (D-H): Curve25519 (31)", "Transform ID (D-H): 2048 bit MODP group (14)",
            "DH Group #: Curve25519 (31)",
            "Notify Message Type: NAT_DETECTION_SOURCE_IP (16388)",
            "Notify Message Type: NAT_DETECTION_DESTINATION_IP (16389)",
            "Notify Message Type: SIGNATURE_HASH_ALGORITHMS (16431)",
            "Supported Signature Hash Algorithm: Identity (5)",
            "Notify Message Type: IKEV2_FRAGMENTATION_SUPPORTED (16430)",
            "Notify Message Type: MULTIPLE_AUTH_SUPPORTED (16404)",
            "Notify Message Type: REKEY_SA (16393)", "ID_FQDN: a.example",
            "Certificate Encoding: Hash and URL of X.509 certificate (12)",
            "URL: http://ca.example/hq.der",
            "Authentication Method: Shared Key Message Integrity Code (2)",
            "Number of SPIs: 2", "Delete SPI: c0000002",
            "Starting Addr: 10.1.0.0", "Ending Addr: 10.1.255.255", "Starting Addr: 2001:db8::1",
            "Start Port: 443", "INTERNAL IP4 DNS: 10.0.0.53", "Type: CFG_REQUEST (1)",
            "1... .... = Critical Bit: Critical",
        ]
        for line in expected { #expect(text.contains(line), "tshark did not show '\(line)'") }
        #expect(
            text.components(separatedBy: "Payload: Transform (3)").count - 1 == 3 + 6 + 3 + 6 + 1)
    }

    @Test("IKEv1 main mode, quick mode and informational messages dissect cleanly")
    func ikev1Dissection() throws {
        let text = try Self.dissect(try Self.ikev1Exchange())
        Self.expectClean(text)
        let expected = [
            "Exchange type: Identity Protection (Main Mode) (2)", "Exchange type: Quick Mode (32)",
            "Exchange type: Informational (5)", "Version: 1.0", "Encryption: Encrypted",
            "Payload: Security Association (1)", "Domain of interpretation: IPSEC (1)",
            "Situation: 00000001", "Protocol ID: ISAKMP (1)", "Transform ID: KEY_IKE (1)",
            "Encryption Algorithm: AES-CBC (7)", "Encryption Algorithm: 3DES-CBC (5)",
            "Key Length: 256", "Group Description: 2048 bit MODP group (14)",
            "Life Type: Seconds (1)", "Life Type: Kilobytes (2)", "Life Duration: 86400",
            "Life Duration: 4194304", "Payload: Vendor ID (13) : RFC 3947",
            "Payload: Key Exchange (4)", "Payload: Nonce (10)", "Payload: NAT-D (RFC 3947) (20)",
            "Payload: Hash (8)", "Protocol ID: IPSEC_ESP (3)", "Transform ID: AES (12)",
            "Encapsulation Mode: Tunnel (1)", "Encapsulation Mode: UDP-Encapsulated-Tunnel (3)",
            "Authentication Algorithm: HMAC-SHA2-256 (5)", "Key Length: 128",
            "Life Duration: 4608000", "Payload: Identification (5)",
            "ID type: IPV4_ADDR_SUBNET (4)", "ID type: IPV6_ADDR_RANGE (8)",
            "Payload: Notification (11)", "Notify Message Type: R-U-THERE (36136)",
            "Payload: Delete (12)",
        ]
        for line in expected { #expect(text.contains(line), "tshark did not show '\(line)'") }
    }

    @Test("the check itself works: a payload length that lies is reported by tshark")
    func malformedInputIsFlagged() throws {
        var octets = try Samples.ikev2Messages[3].encode()
        octets += [0, 0, 0, 40, 1, 2, 3, 4]  // a Nonce claiming 40 octets, 8 present
        octets[16] = IKEv2PayloadType.nonce.rawValue
        IKEv2Header.patchLength(UInt32(octets.count), in: &octets)
        let text = try Self.dissect([octets])
        #expect(text.contains("Malformed"))
    }
}
