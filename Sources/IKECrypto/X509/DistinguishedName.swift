internal import CCrypto
internal import CCryptoShim

/// An X.501 distinguished name, held as its DER encoding: what an ID_DER_ASN1_DN
/// identification payload carries and what a certificate's subject is.
///
/// Text comes in two orders. `text` lists RDNs in encoding order, the way strongSwan and
/// OpenSSL's one-line form write them (`C=CH, O=Example, CN=hq`); `rfc4514` lists them
/// most specific first (`CN=hq,O=Example,C=CH`, RFC 4514 section 2.1). Both accept RFC
/// 4514 escaping (`\,`, `\+`, `\"`, `\\`, `\XX`), double-quoted values, and `+` between
/// the attributes of a multi-valued RDN.
public struct DistinguishedName: Sendable, Hashable, CustomStringConvertible {
    /// The DER encoding (`Name ::= SEQUENCE OF RelativeDistinguishedName`).
    public let der: [UInt8]

    /// A name from its DER encoding; `invalidDistinguishedName` if it does not parse or
    /// has trailing octets.
    public init(der: [UInt8]) throws {
        let name = try NameHandle(der: der)
        self.der = try name.encoded()
    }

    /// A name from text in encoding order (`C=CH, O=Example, CN=hq`).
    public init(text: String) throws {
        let name = try NameHandle(rdns: try DNTextParser.parse(text))
        der = try name.encoded()
    }

    /// A name from RFC 4514 text, most specific RDN first (`CN=hq,O=Example,C=CH`).
    public init(rfc4514 text: String) throws {
        let name = try NameHandle(rdns: try DNTextParser.parse(text).reversed())
        der = try name.encoded()
    }

    /// Encoding order, `, ` between RDNs: `C=CH, O=Example, CN=hq`.
    public var text: String {
        (try? NameHandle(der: der).printed(reversed: false)) ?? "<undecodable name>"
    }

    /// RFC 4514 order and separators: `CN=hq,O=Example,C=CH`.
    public var rfc4514: String {
        (try? NameHandle(der: der).printed(reversed: true)) ?? "<undecodable name>"
    }

    /// The same as `text`.
    public var description: String { text }

    /// Whether two names are the same name after X.520 normalisation (case and
    /// insignificant spaces ignored, string types unified), as libcrypto compares issuers.
    public func matches(_ other: DistinguishedName) -> Bool {
        guard let left = try? NameHandle(der: der), let right = try? NameHandle(der: other.der)
        else { return false }
        return X509_NAME_cmp(left.pointer, right.pointer) == 0
    }
}

/// Owns an `X509_NAME`.
final class NameHandle {
    let pointer: OpaquePointer

    init(der: [UInt8]) throws {
        let decoded = der.withUnsafeBufferPointer { buffer -> OpaquePointer? in
            var cursor = buffer.baseAddress
            let name = d2i_X509_NAME(nil, &cursor, buffer.count)
            // Trailing octets after the name are not part of a valid encoding.
            if let name, cursor != buffer.baseAddress! + buffer.count {
                X509_NAME_free(name)
                return nil
            }
            return name
        }
        pointer = try checkPointer(decoded, "not a DER name", .invalidDistinguishedName)
    }

    init(rdns: [[DNTextParser.Attribute]]) throws {
        pointer = try checkPointer(X509_NAME_new(), "X509_NAME_new")
        for rdn in rdns {
            for (index, attribute) in rdn.enumerated() {
                let type = DNTextParser.openSSLName(attribute.type)
                // set -1 joins the previous RDN (a multi-valued RDN), 0 starts a new one.
                let result = attribute.value.withUnsafeBufferPointer { value in
                    X509_NAME_add_entry_by_txt(
                        pointer, type, MBSTRING_UTF8, value.baseAddress, Int32(value.count), -1,
                        index == 0 ? 0 : -1)
                }
                guard result == 1 else {
                    throw ErrorQueue.error(
                        .invalidDistinguishedName,
                        "unknown or invalid attribute '\(attribute.type)'")
                }
            }
        }
    }

    /// Wraps an `X509_NAME` owned elsewhere by copying it.
    init(copying name: OpaquePointer) throws {
        pointer = try checkPointer(X509_NAME_dup(name), "X509_NAME_dup")
    }

    deinit { X509_NAME_free(pointer) }

    func encoded() throws -> [UInt8] {
        var buffer: UnsafeMutablePointer<UInt8>?
        let length = i2d_X509_NAME(pointer, &buffer)
        guard length >= 0, let buffer else {
            throw ErrorQueue.error(.invalidDistinguishedName, "i2d_X509_NAME")
        }
        defer { ikec_openssl_free(buffer) }
        return Array(UnsafeBufferPointer(start: buffer, count: Int(length)))
    }

    /// Text through `X509_NAME_print_ex`: RFC 2253 escaping, UTF-8 kept as UTF-8 (no
    /// `\U` escapes), unknown attributes as `#` and their DER.
    func printed(reversed: Bool) throws -> String {
        let escaping =
            ASN1_STRFLGS_ESC_2253 | ASN1_STRFLGS_ESC_CTRL | ASN1_STRFLGS_UTF8_CONVERT
            | ASN1_STRFLGS_DUMP_UNKNOWN | ASN1_STRFLGS_DUMP_DER
        let separators =
            reversed ? (XN_FLAG_SEP_COMMA_PLUS | XN_FLAG_DN_REV) : XN_FLAG_SEP_CPLUS_SPC
        let flags =
            UInt(escaping) | UInt(separators) | UInt(XN_FLAG_FN_SN)
            | UInt(XN_FLAG_DUMP_UNKNOWN_FIELDS)
        guard let bio = BIO_new(BIO_s_mem()) else {
            throw ErrorQueue.error(.libraryFailure, "BIO_new")
        }
        defer { BIO_free(bio) }
        guard X509_NAME_print_ex(bio, pointer, 0, flags) >= 0 else {
            throw ErrorQueue.error(.invalidDistinguishedName, "X509_NAME_print_ex")
        }
        var data: UnsafeMutablePointer<CChar>?
        let length = ikec_bio_get_mem_data(bio, &data)
        guard length >= 0, let data else { return "" }
        return String(
            decoding: UnsafeRawBufferPointer(start: data, count: length), as: UTF8.self)
    }
}
