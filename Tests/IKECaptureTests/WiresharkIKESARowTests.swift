import IKECapture
import IKECore
import IKEEngine
import Testing

@Suite("Wireshark key rows of an established IKE SA")
struct WiresharkIKESARowTests {
    static func key(_ octet: UInt8, _ count: Int) -> SecretBytes {
        SecretBytes([UInt8](repeating: octet, count: count))
    }

    static let v2Keys = IKEv2SAKeys(
        skD: key(0xD0, 32), skAi: key(0xA1, 32), skAr: key(0xA2, 32), skEi: key(0xE1, 32),
        skEr: key(0xE2, 32), skPi: key(0xB1, 32), skPr: key(0xB2, 32))

    static func summary(_ version: IKEVersion, _ proposal: Proposal, keys: IKESAKeys)
        -> IKESASummary
    {
        let authentication = AuthenticationSummary(kind: .sharedKey, methodName: "PSK")
        return IKESASummary(
            version: version, role: .initiator, initiatorSPI: 0x0102_0304_0506_0708,
            responderSPI: 0x1112_1314_1516_1718, selectedProposal: proposal,
            localIdentity: nil, remoteIdentity: nil, localAuthentication: authentication,
            remoteAuthentication: authentication, keys: keys, usesUDPEncapsulation: false,
            lifetimeSeconds: 3600, generation: 0)
    }

    @Test func anIKEv2SAGivesItsSPIsAndAllFourKeys() {
        let cbc = Cipher(.aesCBC, keyBits: 256)
        let proposal = Proposal(protocolID: .ike, encryption: [cbc], integrity: [.hmacSHA256_128])
        var tables = WiresharkKeyTables()
        tables.append(ikeSA: Self.summary(.v2, proposal, keys: .v2(Self.v2Keys)))
        let expected = IKEv2KeyRow(
            initiatorSPI: 0x0102_0304_0506_0708, responderSPI: 0x1112_1314_1516_1718,
            encryption: cbc, initiatorEncryptionKey: Self.v2Keys.skEi,
            responderEncryptionKey: Self.v2Keys.skEr, integrity: .hmacSHA256_128,
            initiatorIntegrityKey: Self.v2Keys.skAi, responderIntegrityKey: Self.v2Keys.skAr)
        #expect(tables == WiresharkKeyTables(ikev2: [expected]))
    }

    @Test func anIKEv2SAWithAnAEADHasNoIntegrityKeys() {
        let gcm = Cipher(.aesGCM16, keyBits: 128)
        var tables = WiresharkKeyTables()
        let proposal = Proposal(protocolID: .ike, encryption: [gcm])
        tables.append(ikeSA: Self.summary(.v2, proposal, keys: .v2(Self.v2Keys)))
        let row = tables.ikev2.first
        #expect(tables.ikev2.count == 1)
        #expect(row?.integrity == nil)
        #expect(row?.initiatorIntegrityKey == nil && row?.responderIntegrityKey == nil)
    }

    @Test func anIKEv1SAGivesItsInitiatorCookieAndKa() {
        let cbc = Cipher(.aesCBC, keyBits: 128)
        let keys = IKEv1SAKeys(
            skeyid: Self.key(1, 32), skeyidD: Self.key(2, 32), skeyidA: Self.key(3, 32),
            skeyidE: Self.key(4, 32), encryptionKey: Self.key(5, 16))
        var tables = WiresharkKeyTables()
        let proposal = Proposal(protocolID: .ike, encryption: [cbc], integrity: [.hmacSHA1_96])
        tables.append(ikeSA: Self.summary(.v1, proposal, keys: .v1(keys)))
        let expected = IKEv1KeyRow(
            initiatorCookie: 0x0102_0304_0506_0708, encryption: cbc,
            encryptionKey: Self.key(5, 16))
        #expect(tables == WiresharkKeyTables(ikev1: [expected]))
    }

    @Test func anSAWithoutAnEncryptionTransformHasNoRow() {
        var tables = WiresharkKeyTables()
        let proposal = Proposal(protocolID: .ike, integrity: [.hmacSHA256_128])
        tables.append(ikeSA: Self.summary(.v2, proposal, keys: .v2(Self.v2Keys)))
        #expect(tables == WiresharkKeyTables())
    }
}
