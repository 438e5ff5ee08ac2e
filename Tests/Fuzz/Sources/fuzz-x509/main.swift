import Foundation
import FuzzSupport
import IKECrypto

// Certificates (PEM or DER), distinguished names and private keys, as read from files and
// from CERT payloads; every accessor the engine uses on a certificate it received.
let status = runFuzzer { data, size in
    let bytes = fuzzInput(data, size)
    for certificate in (try? Certificate.load(bytes)) ?? [] {
        _ = try? certificate.subject.text
        _ = try? certificate.issuer.text
        _ = certificate.subjectAltNames
        _ = try? certificate.publicKey
        _ = try? certificate.notBefore
        _ = try? certificate.notAfter
    }
    _ = try? DistinguishedName(der: bytes).text
    _ = try? PrivateKey(pemBytes: bytes)
    return 0
}
exit(status)
