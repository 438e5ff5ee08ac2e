import Foundation
import IKECore

@testable import IKECrypto

/// The test PKI under Fixtures/pki, made by Fixtures/pki/make-pki.sh.
enum PKIFixtures {
    static func text(_ name: String) -> String { Fixtures.text("pki/\(name)") }

    static func privateKey(_ name: String) throws -> PrivateKey {
        try PrivateKey(pem: text("\(name).key"))
    }

    static func certificate(_ name: String) throws -> Certificate {
        guard let first = try Certificate.load(pem: text("\(name).crt")).first else {
            preconditionFailure("no certificate in \(name).crt")
        }
        return first
    }

    /// The time the tests validate at: 30 days after the certificates were made.
    static var validationTime: Date {
        let seconds = TimeInterval(
            text("validation-time.txt").trimmingCharacters(in: .whitespacesAndNewlines))
        guard let seconds else { preconditionFailure("bad validation-time.txt") }
        return Date(timeIntervalSince1970: seconds)
    }

    /// Values computed by the openssl command line (expected.txt).
    static let expected = VectorFile("pki/expected.txt").records[0]
}
