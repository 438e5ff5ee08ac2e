/// IKEv2 Authentication Method values of the AUTH payload (RFC 7296 section 3.8, RFC 7427,
/// RFC 7619, IANA "IKEv2 Authentication Method").
public enum IKEv2AuthMethod: UInt8, Sendable, Hashable, CaseIterable, Codable {
    /// RSA Digital Signature: PKCS#1 v1.5 over SHA-1 (RFC 7296 section 3.8).
    case rsaSignature = 1
    /// Shared Key Message Integrity Code.
    case sharedKey = 2
    /// DSS Digital Signature.
    case dssSignature = 3
    /// ECDSA with SHA-256 on P-256 (RFC 4754).
    case ecdsaSHA256P256 = 9
    /// ECDSA with SHA-384 on P-384 (RFC 4754).
    case ecdsaSHA384P384 = 10
    /// ECDSA with SHA-512 on P-521 (RFC 4754).
    case ecdsaSHA512P521 = 11
    /// Generic Secure Password Authentication Method (RFC 6467).
    case genericSecurePassword = 12
    /// NULL Authentication (RFC 7619).
    case null = 13
    /// Digital Signature (RFC 7427): the signature algorithm is named in the payload.
    case digitalSignature = 14
}

/// IKEv1 Authentication Method attribute values (RFC 2409 appendix A, RFC 4754).
public enum IKEv1AuthMethod: UInt16, Sendable, Hashable, CaseIterable, Codable {
    /// Pre-shared key.
    case preSharedKey = 1
    /// DSS signatures.
    case dssSignature = 2
    /// RSA signatures.
    case rsaSignature = 3
    /// Encryption with RSA (RFC 2409 section 5.2).
    case rsaEncryption = 4
    /// Revised encryption with RSA (RFC 2409 section 5.3).
    case revisedRSAEncryption = 5
    /// ECDSA with SHA-256 on P-256 (RFC 4754).
    case ecdsaSHA256P256 = 9
    /// ECDSA with SHA-384 on P-384 (RFC 4754).
    case ecdsaSHA384P384 = 10
    /// ECDSA with SHA-512 on P-521 (RFC 4754).
    case ecdsaSHA512P521 = 11
}

/// Identification payload ID types. IKEv2 (RFC 7296 section 3.5) and the IKEv1 IPsec DOI
/// (RFC 2407 section 4.6.2.1) share these numbers; the subnet and range types are IKEv1
/// only and appear there in quick mode client IDs.
public enum IdentificationType: UInt8, Sendable, Hashable, CaseIterable, Codable {
    /// ID_IPV4_ADDR.
    case ipv4Address = 1
    /// ID_FQDN.
    case fqdn = 2
    /// ID_RFC822_ADDR (IKEv1: ID_USER_FQDN).
    case rfc822Address = 3
    /// ID_IPV4_ADDR_SUBNET (IKEv1 only).
    case ipv4Subnet = 4
    /// ID_IPV6_ADDR.
    case ipv6Address = 5
    /// ID_IPV6_ADDR_SUBNET (IKEv1 only).
    case ipv6Subnet = 6
    /// ID_IPV4_ADDR_RANGE (IKEv1 only).
    case ipv4Range = 7
    /// ID_IPV6_ADDR_RANGE (IKEv1 only).
    case ipv6Range = 8
    /// ID_DER_ASN1_DN.
    case derASN1DN = 9
    /// ID_DER_ASN1_GN.
    case derASN1GN = 10
    /// ID_KEY_ID.
    case keyID = 11
    /// ID_FC_NAME (RFC 4595, IKEv2 only).
    case fcName = 12
    /// ID_NULL (RFC 7619, IKEv2 only).
    case null = 13
}
