/// Certificate Encoding values of the CERT and CERTREQ payloads (RFC 7296 section 3.6,
/// RFC 2408 section 3.9, RFC 7670 for raw public keys). The numbers are shared by both
/// versions; unknown values are carried as they are.
public struct CertificateEncoding: RawRepresentable, Hashable, Sendable,
    CustomStringConvertible
{
    /// The Cert Encoding number.
    public let rawValue: UInt8

    /// An encoding from its number.
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// 0: NONE (IKEv1 only).
    public static let none = Self(rawValue: 0)
    /// 1: PKCS #7 wrapped X.509 certificate.
    public static let pkcs7WrappedX509 = Self(rawValue: 1)
    /// 2: PGP certificate.
    public static let pgp = Self(rawValue: 2)
    /// 3: DNS signed key.
    public static let dnsSignedKey = Self(rawValue: 3)
    /// 4: X.509 certificate - signature.
    public static let x509Signature = Self(rawValue: 4)
    /// 5: X.509 certificate - key exchange (IKEv1 only).
    public static let x509KeyExchange = Self(rawValue: 5)
    /// 6: Kerberos token.
    public static let kerberosToken = Self(rawValue: 6)
    /// 7: Certificate revocation list.
    public static let crl = Self(rawValue: 7)
    /// 8: Authority revocation list.
    public static let arl = Self(rawValue: 8)
    /// 9: SPKI certificate.
    public static let spki = Self(rawValue: 9)
    /// 10: X.509 certificate - attribute.
    public static let x509Attribute = Self(rawValue: 10)
    /// 11: Raw RSA key (IKEv2, deprecated by RFC 7296).
    public static let rawRSAKey = Self(rawValue: 11)
    /// 12: Hash and URL of an X.509 certificate (IKEv2).
    public static let hashAndURLX509 = Self(rawValue: 12)
    /// 13: Hash and URL of an X.509 bundle (IKEv2).
    public static let hashAndURLBundle = Self(rawValue: 13)
    /// 14: OCSP content (RFC 4806).
    public static let ocspContent = Self(rawValue: 14)
    /// 15: Raw public key (RFC 7670).
    public static let rawPublicKey = Self(rawValue: 15)

    /// The registry's name, or the number as text.
    public var description: String {
        switch rawValue {
        case 0: return "NONE"
        case 1: return "PKCS #7 wrapped X.509 certificate"
        case 2: return "PGP Certificate"
        case 3: return "DNS Signed Key"
        case 4: return "X.509 Certificate - Signature"
        case 5: return "X.509 Certificate - Key Exchange"
        case 6: return "Kerberos Token"
        case 7: return "Certificate Revocation List (CRL)"
        case 8: return "Authority Revocation List (ARL)"
        case 9: return "SPKI Certificate"
        case 10: return "X.509 Certificate - Attribute"
        case 11: return "Raw RSA Key"
        case 12: return "Hash and URL of X.509 certificate"
        case 13: return "Hash and URL of X.509 bundle"
        case 14: return "OCSP Content"
        case 15: return "Raw Public Key"
        default: return "\(rawValue)"
        }
    }
}
