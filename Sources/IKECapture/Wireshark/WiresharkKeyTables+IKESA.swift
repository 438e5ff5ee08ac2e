import IKECore
import IKEEngine

extension WiresharkKeyTables {
    /// Appends the row of an established IKE SA. IKEv2: its SPIs with SK_ei and SK_er, and
    /// SK_ai and SK_ar unless the cipher is an AEAD (RFC 7296 section 2.14). IKEv1: its
    /// initiator cookie with the encryption key Ka (RFC 2409 appendix B). An SA whose
    /// proposal names no encryption transform has no row.
    public mutating func append(ikeSA summary: IKESASummary) {
        guard let cipher = summary.selectedProposal.encryption.first else { return }
        let integrity = summary.selectedProposal.integrity.first
        switch summary.keys {
        case .v2(let keys):
            ikev2.append(
                IKEv2KeyRow(
                    initiatorSPI: summary.initiatorSPI, responderSPI: summary.responderSPI,
                    encryption: cipher, initiatorEncryptionKey: keys.skEi,
                    responderEncryptionKey: keys.skEr, integrity: integrity,
                    initiatorIntegrityKey: integrity == nil ? nil : keys.skAi,
                    responderIntegrityKey: integrity == nil ? nil : keys.skAr))
        case .v1(let keys):
            ikev1.append(
                IKEv1KeyRow(
                    initiatorCookie: summary.initiatorSPI, encryption: cipher,
                    encryptionKey: keys.encryptionKey))
        }
    }
}
