import IKEDiagnostics

/// ESP and AH integrity algorithms that RFC 8221 advises against.
struct WeakIPsecIntegrityRule: LintRule {
    static let descriptor = RuleDescriptor(
        id: "IKE-L006", name: "weak-ipsec-integrity",
        summary: "a phase 2 ESP or AH integrity algorithm the algorithm RFCs advise against",
        explanation: """
            The integrity algorithm is what stops an attacker from altering or injecting \
            packets. RFC 8221 section 6: AUTH_HMAC_SHA2_256_128 is MUST, \
            AUTH_HMAC_SHA2_512_256 SHOULD, AUTH_HMAC_SHA1_96 MUST-, and \
            AUTH_HMAC_MD5_96, AUTH_DES_MAC and AUTH_KPDK_MD5 MUST NOT.

            Severity: MUST NOT is an error, MUST- a note (nothing under 'legacy'). Under \
            'cnsa' only AUTH_HMAC_SHA2_384_192 is allowed (or an AEAD cipher with none).

            Fix: use sha256, sha384 or sha512, or an AEAD cipher such as aes256gcm16.
            """,
        defaultSeverity: .warning)

    func check(_ context: LintContext) -> [Diagnostic] {
        var out = AlgorithmFindings.check(
            self, context, type: .integrity, uses: [.esp], purpose: "for ESP")
        out += AlgorithmFindings.check(
            self, context, type: .integrity, uses: [.ah], purpose: "for AH")
        return out
    }
}
