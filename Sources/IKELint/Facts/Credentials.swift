import Foundation
import IKECrypto
import IKEDiagnostics
import IKEPolicy

/// A certificate named in a policy, with what it is for and where it is named.
struct NamedCertificate {
    /// "certificate", "trust anchor", "peer certificate".
    let role: String
    /// The reference as written.
    let reference: Located<FileReference>
    /// The parsed certificate.
    let certificate: Certificate
}

extension LintContext {
    /// The gateway's own certificate, if configured and readable.
    var gatewayCertificate: NamedCertificate? {
        guard let reference = policy.gateway.credentials?.certificate,
            let certificate = certificates.certificate(reference.value)
        else { return nil }
        return NamedCertificate(role: "certificate", reference: reference, certificate: certificate)
    }

    /// Every readable certificate the policy names: the gateway's, its trust anchors, and
    /// pinned peer certificates, each once.
    var namedCertificates: [NamedCertificate] {
        var out: [NamedCertificate] = []
        var seen = Set<String>()
        func add(_ role: String, _ reference: Located<FileReference>) {
            guard seen.insert(reference.value.resolvedPath).inserted,
                let certificate = certificates.certificate(reference.value)
            else { return }
            out.append(NamedCertificate(role: role, reference: reference, certificate: certificate))
        }
        if let credentials = policy.gateway.credentials {
            if let own = credentials.certificate { add("certificate", own) }
            for anchor in credentials.trust { add("trust anchor", anchor) }
        }
        for peer in policy.peers {
            if let pinned = peer.auth.peerCertificate { add("peer certificate", pinned) }
        }
        return out
    }
}

/// Calendar dates for messages, in UTC, without a formatter's locale.
enum CalendarDate {
    /// `2026-03-01`.
    static func text(_ date: Date) -> String {
        let days = Int((date.timeIntervalSince1970 / 86_400).rounded(.down))
        // Days since 1970-01-01 to a civil date (proleptic Gregorian).
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(year)-\(two(month))-\(two(day))"
    }
}
