/// The words of the checker's catalog: a kebab-case name, a one-line summary and the
/// explanation `ikec explain` prints.
enum PolicyDiagnosticText {
    struct Entry {
        let name: String
        let summary: String
        let explanation: String
    }

    static func text(for id: PolicyDiagnosticID) -> Entry {
        switch id {
        case .unreadableFile:
            return Entry(
                name: "unreadable-file",
                summary: "the policy file cannot be read",
                explanation: """
                    The file does not exist, is a folder, or the user running ikec may not read it.
                    The command exits with status 2.
                    """)
        case .yamlSyntax:
            return Entry(
                name: "yaml-syntax",
                summary: "the file is not well-formed YAML",
                explanation: """
                    The YAML parser stopped at the marked place. Check indentation, colons after
                    keys, and quotes around values that contain ': ' or start with a special
                    character.
                    """)
        case .invalidUTF8:
            return Entry(
                name: "invalid-utf8",
                summary: "the file is not valid UTF-8",
                explanation: """
                    Policy files are UTF-8. The marked byte does not start or continue a valid UTF-8
                    sequence; re-save the file as UTF-8.
                    """)
        case .notText:
            return Entry(
                name: "not-text",
                summary: "the file is not text",
                explanation: """
                    The file holds NUL or other control bytes, as binary files do. Check that the
                    right file was given.
                    """)
        case .tabIndentation:
            return Entry(
                name: "tab-indentation",
                summary: "a tab is used for indentation",
                explanation: """
                    YAML forbids tabs in indentation because their width is ambiguous. Indent with
                    spaces.
                    """)
        case .emptyFile:
            return Entry(
                name: "empty-file",
                summary: "the file is empty",
                explanation: """
                    The file holds no YAML document. A policy starts with 'ikec: 1' and describes a
                    gateway and its peers.
                    """)
        case .multipleDocuments:
            return Entry(
                name: "multiple-documents",
                summary: "the file holds more than one YAML document",
                explanation: """
                    One policy file describes one gateway in one YAML document. Remove the '---'
                    separator and what follows, or move it to a file of its own.
                    """)
        case .duplicateKey:
            return Entry(
                name: "duplicate-key",
                summary: "a key appears twice in one mapping",
                explanation: """
                    YAML requires keys to be unique; many parsers silently keep the last value. ikec
                    rejects the file so that no setting is lost unseen.
                    """)
        case .undefinedAlias:
            return Entry(
                name: "undefined-alias",
                summary: "an alias names no anchor",
                explanation: """
                    An alias '*name' refers to an anchor '&name' defined earlier in the file. Define
                    the anchor before the alias, or fix the spelling.
                    """)
        case .aliasExpansionLimit:
            return Entry(
                name: "alias-expansion-limit",
                summary: "aliases expand to too many nodes",
                explanation: """
                    Aliases can make a small file expand into a huge tree (the 'billion laughs'
                    attack). ikec stops when expansion passes 10,000 nodes plus ten per node written
                    in the file.
                    """)
        case .nestingTooDeep:
            return Entry(
                name: "nesting-too-deep",
                summary: "collections are nested too deeply",
                explanation: """
                    No policy needs more than 64 levels of nested lists and mappings; deeper input
                    is rejected to bound the work of reading it.
                    """)
        case .invalidMerge:
            return Entry(
                name: "invalid-merge",
                summary: "a merge key's value is not a mapping",
                explanation: """
                    The merge key '<<' takes a mapping, an alias to a mapping, or a list of those.
                    Keys written in the mapping itself override merged ones; earlier merged mappings
                    override later ones.
                    """)
        case .complexKey:
            return Entry(
                name: "complex-key",
                summary: "a mapping key is a list or a mapping",
                explanation: """
                    Every key in a policy is a plain name. YAML's complex keys ('? [a, b]') are not
                    part of the language.
                    """)
        case .unsupportedTag:
            return Entry(
                name: "unsupported-tag",
                summary: "a YAML tag other than !!str",
                explanation: """
                    The checker reads every value by the type the setting expects, so YAML tags have
                    no meaning in a policy. '!!str' is accepted and changes nothing.
                    """)
        case .unknownKey:
            return Entry(
                name: "unknown-key",
                summary: "a key the language does not have here",
                explanation: """
                    The key is not part of policy language version 1 at this place. A misspelt key
                    would otherwise be ignored silently; the message suggests the closest known key.
                    """)
        case .missingKey:
            return Entry(
                name: "missing-key",
                summary: "a required key is missing",
                explanation: """
                    The section needs this key. See the schema in schemas/ikec-policy.schema.json
                    for each section's required keys.
                    """)
        case .wrongType:
            return Entry(
                name: "wrong-type",
                summary: "a value of the wrong kind",
                explanation: """
                    The setting expects a different kind of value: a mapping, a list, or a single
                    value.
                    """)
        case .invalidInteger:
            return Entry(
                name: "invalid-integer",
                summary: "not a plain decimal integer",
                explanation: """
                    Integer settings take plain decimal digits without quotes, signs, underscores,
                    leading zeros, exponents or 0x/0o prefixes, so that YAML 1.1 and 1.2 readers
                    cannot disagree about the value.
                    """)
        case .invalidName:
            return Entry(
                name: "invalid-name",
                summary: "a name with disallowed characters",
                explanation: """
                    Gateway, peer, phase 2 entry and proposal set names start with a letter or digit
                    and continue with letters, digits, '.', '_' or '-', so they can be used as
                    connection names by strongSwan and Libreswan.
                    """)
        case .unsupportedLanguageVersion:
            return Entry(
                name: "unsupported-language-version",
                summary: "the policy language version is not 1",
                explanation: """
                    'ikec: 1' names the version of the policy language the file is written in. This
                    ikec reads version 1.
                    """)
        case .emptyCollection:
            return Entry(
                name: "empty-collection",
                summary: "an empty list or mapping where entries are needed",
                explanation: """
                    The setting needs at least one entry: a policy with no peers, an address list
                    with no address or a proposal list with no proposal cannot do anything.
                    """)
        case .unknownValue:
            return Entry(
                name: "unknown-value",
                summary: "a value outside the setting's fixed words",
                explanation: """
                    The setting takes one of a few fixed words (for example 'esp' or 'ah'); words
                    are case-sensitive. The message suggests the closest one.
                    """)
        case .settingNotInVersion:
            return Entry(
                name: "setting-not-in-version",
                summary: "a setting that the peer's IKE version does not have",
                explanation: """
                    Phase 1 'mode' (main or aggressive) and 'lifetime-check' exist only in IKEv1
                    (RFC 2409). IKEv2 has one initial exchange and does not negotiate lifetimes (RFC
                    7296 section 2.8).
                    """)
        case .conflictingKeys:
            return Entry(
                name: "conflicting-keys",
                summary: "two keys that set the same thing",
                explanation: """
                    'method' is shorthand for equal 'local' and 'remote' methods, and 'pfs' is
                    another name for 'dh' in phase 2; write one or the other.
                    """)
        case .unknownAlgorithm:
            return Entry(
                name: "unknown-algorithm",
                summary: "an unknown algorithm name",
                explanation: """
                    Proposals use strongSwan's keywords (aes256gcm16, sha256, prfsha384, ecp384,
                    x25519...), IANA names (ENCR_AES_GCM_16_256, PRF_HMAC_SHA2_256) or IANA numbers
                    ('20/256' for a cipher with its key length).
                    """)
        case .transformNotAllowed:
            return Entry(
                name: "transform-not-allowed",
                summary: "a transform this kind of proposal cannot carry",
                explanation: """
                    IKE SAs take no NULL encryption and no ESN; PRFs exist only in phase 1; AH
                    carries no cipher; some ciphers exist only for ESP (RFC 7296 section 3.3.3).
                    """)
        case .aeadWithIntegrity:
            return Entry(
                name: "aead-with-integrity",
                summary: "an AEAD cipher with an integrity algorithm",
                explanation: """
                    An AEAD cipher (AES-GCM, AES-CCM, ChaCha20-Poly1305) protects integrity itself;
                    an IKEv2 proposal with one must not list an integrity algorithm (RFC 5282
                    section 8). Split AEAD and non-AEAD choices into separate proposals.
                    """)
        case .missingIntegrity:
            return Entry(
                name: "missing-integrity",
                summary: "a non-AEAD cipher without integrity",
                explanation: """
                    A cipher such as AES-CBC gives no integrity; the proposal must name an integrity
                    algorithm (RFC 8221 section 5, RFC 8247 section 2.3).
                    """)
        case .mixedCipherKinds:
            return Entry(
                name: "mixed-cipher-kinds",
                summary: "AEAD and non-AEAD ciphers in one proposal",
                explanation: """
                    One proposal holds either AEAD ciphers or non-AEAD ciphers with integrity
                    algorithms (RFC 7296 section 3.3). Write two proposals.
                    """)
        case .missingDHGroup:
            return Entry(
                name: "missing-dh-group",
                summary: "a phase 1 proposal without a Diffie-Hellman group",
                explanation: """
                    The IKE SA's keys come from a Diffie-Hellman exchange, so each phase 1 proposal
                    names at least one group (RFC 7296 section 3.3.3).
                    """)
        case .aeadWithoutPRF:
            return Entry(
                name: "aead-without-prf",
                summary: "an AEAD phase 1 proposal without a PRF",
                explanation: """
                    With a non-AEAD cipher the PRF is implied by the integrity algorithm; an AEAD
                    cipher has none, so the PRF must be named, for example
                    'aes256gcm16-prfsha384-ecp384'.
                    """)
        case .nullWithoutIntegrity:
            return Entry(
                name: "null-without-integrity",
                summary: "ESP with NULL encryption and no integrity",
                explanation: """
                    ESP with ENCR_NULL and no integrity algorithm protects nothing; RFC 4303 section
                    3.2 forbids it.
                    """)
        case .unimplementedTransform:
            return Entry(
                name: "unimplemented-transform",
                summary: "a transform ikec does not implement",
                explanation: """
                    The IANA registry lists the transform but ikec's engine cannot run it, so ikec
                    could neither verify nor negotiate a policy using it. Choose a supported
                    algorithm.
                    """)
        case .missingTransform:
            return Entry(
                name: "missing-transform",
                summary: "a proposal without a transform its protocol needs",
                explanation: """
                    IKE and ESP proposals need an encryption algorithm (ESP may use 'null' with
                    integrity); AH proposals need an integrity algorithm.
                    """)
        case .notInIKEv1:
            return Entry(
                name: "not-in-ikev1",
                summary: "a transform IKEv1 cannot express",
                explanation: """
                    IKEv1 names algorithms with its own attribute values (RFC 2409 appendix A, RFC
                    2407 section 4.5). AEAD ciphers and algorithms without an IKEv1 number cannot be
                    used with 'ike: v1' in that phase.
                    """)
        case .invalidTransformNumber:
            return Entry(
                name: "invalid-transform-number",
                summary: "a malformed transform number or key length",
                explanation: """
                    A transform number is an IANA Transform ID, with '/bits' for ciphers that take a
                    key length ('12/256'). IANA names of such ciphers carry the key length as a
                    suffix ('ENCR_AES_CBC_256').
                    """)
        case .wrongTransformType:
            return Entry(
                name: "wrong-transform-type",
                summary: "a transform under another type's key",
                explanation: """
                    In the map form, each key takes transforms of its own type: 'encryption'
                    ciphers, 'integrity' integrity algorithms, 'prf' PRFs, 'dh' (or 'pfs') groups,
                    'esn' esn or noesn.
                    """)
        case .noneWithGroups:
            return Entry(
                name: "none-with-groups",
                summary: "'none' together with Diffie-Hellman groups",
                explanation: """
                    'none' means no PFS; it cannot be one choice among groups. Write either 'none'
                    or the groups.
                    """)
        case .malformedProposal:
            return Entry(
                name: "malformed-proposal",
                summary: "a keyword string with an empty part",
                explanation: """
                    A proposal string is keywords joined by single dashes, for example
                    'aes256-sha256-modp2048'.
                    """)
        case .invalidAddress:
            return Entry(
                name: "invalid-address",
                summary: "not an IPv4 or IPv6 address",
                explanation: """
                    Addresses are written as dotted-quad IPv4 (198.51.100.1) or RFC 4291 IPv6 text
                    (2001:db8::1).
                    """)
        case .hostBitsSet:
            return Entry(
                name: "host-bits-set",
                summary: "a prefix with host bits set",
                explanation: """
                    In '10.1.2.3/16' the bits after the prefix are not zero; the prefix means
                    10.1.0.0/16, which may not be what was meant. Write the network address.
                    """)
        case .invalidRange:
            return Entry(
                name: "invalid-range",
                summary: "a reversed or mixed-family address range",
                explanation: """
                    A range 'first-last' needs two addresses of one family with first <= last.
                    """)
        case .invalidPort:
            return Entry(
                name: "invalid-port",
                summary: "a port out of range or a reversed port range",
                explanation: """
                    Ports are 0 to 65535; a range 'low-high' needs low <= high.
                    """)
        case .unknownProtocol:
            return Entry(
                name: "unknown-protocol",
                summary: "an unknown IP protocol name",
                explanation: """
                    Selectors take tcp, udp, icmp, icmpv6, sctp, gre, esp, ah, igmp, or a protocol
                    number 0 to 255.
                    """)
        case .duplicatePeerAddress:
            return Entry(
                name: "duplicate-peer-address",
                summary: "two peers with the same address",
                explanation: """
                    When two peers share an address, an incoming IKE_SA_INIT or main mode cannot be
                    matched to one peer before identities are known, and pairing two policies is
                    ambiguous. Give each peer its own address, or use 'any' with distinct ids.
                    """)
        case .anyWithoutIdentity:
            return Entry(
                name: "any-without-id",
                summary: "a peer at any address without an id",
                explanation: """
                    A road warrior peer ('address: any') is recognised only by the identity it
                    presents, so it needs 'id'.
                    """)
        case .invalidSelector:
            return Entry(
                name: "invalid-selector",
                summary: "a malformed traffic selector",
                explanation: """
                    A selector is a prefix (10.1.0.0/16), an address, a range (a-b), optionally
                    followed by '[protocol/ports]', or a map with 'net', 'protocol' and 'ports'.
                    """)
        case .portsWithoutProtocol:
            return Entry(
                name: "ports-without-protocol",
                summary: "ports on a selector without a port-carrying protocol",
                explanation: """
                    Ports only mean something for tcp, udp, sctp (and, as type/code, icmp); name the
                    protocol together with the ports.
                    """)
        case .gatewayAddressNotHost:
            return Entry(
                name: "gateway-address-not-host",
                summary: "a gateway address that is not a single address",
                explanation: """
                    The gateway's own addresses are where it sends and receives IKE, so each is one
                    address; prefixes, ranges and 'any' are for peers.
                    """)
        case .invalidIdentity:
            return Entry(
                name: "invalid-identity",
                summary: "an identity whose value does not fit its type",
                explanation: """
                    fqdn: takes a host name, email: a user@domain address, ipv4:/ipv6: an address,
                    dn: an RFC 4514 name ('C=CH, O=Example, CN=hq'), keyid: hex (keyid:0x0a1b) or
                    text.
                    """)
        case .unknownIdentityType:
            return Entry(
                name: "unknown-identity-type",
                summary: "an identity with an unknown type prefix",
                explanation: """
                    Identity types are fqdn:, ipv4:, ipv6:, email:, dn: and keyid:.
                    """)
        case .duplicatePeerIdentity:
            return Entry(
                name: "duplicate-peer-identity",
                summary: "two peers with the same identity",
                explanation: """
                    A responder picks the peer entry by the identity presented; two entries with one
                    identity make that choice ambiguous.
                    """)
        case .methodNotInVersion:
            return Entry(
                name: "method-not-in-version",
                summary: "an authentication method the IKE version lacks",
                explanation: """
                    digital-signature (RFC 7427) and null (RFC 7619) exist only in IKEv2; rsa-
                    encryption and rsa-encryption-revised (RFC 2409 sections 5.2 and 5.3) only in
                    IKEv1.
                    """)
        case .ikev1AsymmetricAuth:
            return Entry(
                name: "ikev1-asymmetric-auth",
                summary: "different local and remote methods in IKEv1",
                explanation: """
                    IKEv1 negotiates one authentication method for both directions as a phase 1
                    attribute; only IKEv2 lets each side authenticate differently.
                    """)
        case .missingPSK:
            return Entry(
                name: "missing-psk",
                summary: "the psk method without a psk",
                explanation: """
                    A pre-shared key method needs 'auth.psk': { env: NAME }, { file: path } or a
                    literal.
                    """)
        case .missingLocalCredentials:
            return Entry(
                name: "missing-local-credentials",
                summary: "a public key method without our key material",
                explanation: """
                    To authenticate with a public key method, the gateway's 'credentials' need a
                    'private-key' and a 'certificate' or 'public-key'.
                    """)
        case .missingRemoteTrust:
            return Entry(
                name: "missing-remote-trust",
                summary: "no way to trust the peer's public key",
                explanation: """
                    To accept a peer's signature, the policy needs trust anchors
                    ('credentials.trust'), a pinned 'peer-certificate' or the peer's raw 'peer-
                    public-key'.
                    """)
        case .missingPeerKey:
            return Entry(
                name: "missing-peer-key",
                summary: "RSA encryption without the peer's public key",
                explanation: """
                    With the RSA encryption methods each side encrypts its nonce and identity to the
                    other's public key before any certificate is exchanged (RFC 2409 section 5.2),
                    so the peer's key must be configured.
                    """)
        case .malformedPSK:
            return Entry(
                name: "malformed-psk",
                summary: "a literal pre-shared key that does not decode",
                explanation: """
                    A literal key is text, '0x' followed by an even number of hex digits, or '0s'
                    followed by base64. The key itself is never shown.
                    """)
        case .signatureOptionUnused:
            return Entry(
                name: "signature-option-unused",
                summary: "a signature option without digital-signature",
                explanation: """
                    'signature-hashes' and 'rsa-padding' configure RFC 7427 digital signatures and
                    mean nothing for other methods.
                    """)
        case .identityWithoutType:
            return Entry(
                name: "identity-without-type",
                summary: "an identity written without a type prefix",
                explanation: """
                    An identity without 'fqdn:', 'email:' or another prefix is read as strongSwan
                    does: an IP address as ipv4:/ipv6:, '@name' as an FQDN, anything with '@' as an
                    email address, else an FQDN. Writing the prefix removes the guess.
                    """)
        case .invalidDuration:
            return Entry(
                name: "invalid-duration",
                summary: "not a positive duration",
                explanation: """
                    Durations are a positive whole number with an optional unit: s (seconds, the
                    default), m, h or d: 3600, 90m, 24h, 1d.
                    """)
        case .invalidSize:
            return Entry(
                name: "invalid-size",
                summary: "not a positive size",
                explanation: """
                    Sizes are a positive whole number of bytes with an optional unit: KiB, MiB, GiB,
                    TiB (powers of 1024) or KB, MB, GB, TB (powers of 1000). Single-letter units are
                    ambiguous and rejected.
                    """)
        case .invalidPacketCount:
            return Entry(
                name: "invalid-packet-count",
                summary: "not a positive packet count",
                explanation: """
                    A packet limit is a positive plain decimal integer.
                    """)
        case .bytesLifetimeInIKEv2:
            return Entry(
                name: "bytes-lifetime-in-ikev2",
                summary: "a byte lifetime on an IKEv2 IKE SA",
                explanation: """
                    IKEv1 can limit the ISAKMP SA by kilobytes; IKEv2 IKE SAs are rekeyed by time
                    only.
                    """)
        case .valueTooLarge:
            return Entry(
                name: "value-too-large",
                summary: "a number too large",
                explanation: """
                    The value does not fit the 64-bit integers ikec and IKE use for it.
                    """)
        case .unknownLintProfile:
            return Entry(
                name: "unknown-lint-profile",
                summary: "an unknown lint profile",
                explanation: """
                    Lint profiles are default, cnsa and legacy.
                    """)
        case .invalidRuleSeverity:
            return Entry(
                name: "invalid-rule-severity",
                summary: "a rule severity other than error, warning, note or off",
                explanation: """
                    Each entry of 'lint.rules' maps a rule id or name to error, warning, note or
                    off.
                    """)
        case .malformedSuppression:
            return Entry(
                name: "malformed-suppression",
                summary: "a malformed suppression comment",
                explanation: """
                    A suppression reads '# ikec: ignore[RULE-ID] reason', with one or more comma-
                    separated ids or names in the brackets.
                    """)
        case .suppressionWithoutReason:
            return Entry(
                name: "suppression-without-reason",
                summary: "a suppression without a reason",
                explanation: """
                    Every suppression says why the finding is accepted, so that reviewers can judge
                    it: '# ikec: ignore[IKE-L012] the branch router cannot do ECP groups'.
                    """)
        case .invalidRuleReference:
            return Entry(
                name: "invalid-rule-reference",
                summary: "a malformed rule id or name",
                explanation: """
                    Rules are named by id ('IKE-L012', 'E0301') or by kebab-case name ('weak-dh-
                    group').
                    """)
        case .missingFile:
            return Entry(
                name: "missing-file",
                summary: "a referenced file is missing or unreadable",
                explanation: """
                    Paths are relative to the policy file's folder (the working directory for
                    standard input). The checker only checks that the file can be read; its content
                    is checked when it is used.
                    """)
        case .unknownProposalSet:
            return Entry(
                name: "unknown-proposal-set",
                summary: "an undefined proposal set",
                explanation: """
                    'proposals: NAME' names an entry of the top-level 'proposals' map. To write a
                    proposal directly, use a list: 'proposals: [aes256gcm16-prfsha384-ecp384]'.
                    """)
        case .proposalSetInList:
            return Entry(
                name: "proposal-set-in-list",
                summary: "a proposal set named inside a list",
                explanation: """
                    A proposal list holds keyword strings and maps; a set is used on its own, as
                    'proposals: NAME'.
                    """)
        }
    }
}
