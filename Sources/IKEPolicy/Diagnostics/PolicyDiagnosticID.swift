import IKEDiagnostics

/// Every diagnostic the YAML layer and the checker can emit, by stable id. Ids are grouped
/// by area: E01xx YAML and text, E02xx structure and types, E03xx algorithms and proposals,
/// E04xx addresses and selectors, E05xx identities, authentication and credentials, E06xx
/// lifetimes, durations and sizes, E07xx lint configuration and suppressions, E08xx
/// references to files and proposal sets.
public enum PolicyDiagnosticID: String, Sendable, Hashable, CaseIterable {
    /// The file could not be read.
    case unreadableFile = "E0100"
    /// libyaml rejected the text.
    case yamlSyntax = "E0101"
    /// The bytes are not UTF-8.
    case invalidUTF8 = "E0102"
    /// NUL or other control bytes: not a text file.
    case notText = "E0103"
    /// A tab in a line's indentation.
    case tabIndentation = "E0104"
    /// Nothing but whitespace and comments.
    case emptyFile = "E0105"
    /// A second YAML document.
    case multipleDocuments = "E0106"
    /// A key written twice in one mapping.
    case duplicateKey = "E0107"
    /// An alias without an anchor.
    case undefinedAlias = "E0108"
    /// Aliases expand to too many nodes.
    case aliasExpansionLimit = "E0109"
    /// Collections nested too deeply.
    case nestingTooDeep = "E0110"
    /// A merge key whose value is not a mapping or a list of mappings.
    case invalidMerge = "E0111"
    /// A mapping key that is a list or a mapping.
    case complexKey = "E0112"
    /// A YAML tag other than `!!str`.
    case unsupportedTag = "E0113"

    /// A key the language does not have here.
    case unknownKey = "E0201"
    /// A required key is missing.
    case missingKey = "E0202"
    /// A value of the wrong kind (a list where a mapping belongs...).
    case wrongType = "E0203"
    /// Not a plain decimal integer.
    case invalidInteger = "E0204"
    /// A gateway, peer, phase 2 entry or proposal set name with disallowed characters.
    case invalidName = "E0205"
    /// `ikec:` is not 1.
    case unsupportedLanguageVersion = "E0206"
    /// An empty list or mapping where at least one entry is needed.
    case emptyCollection = "E0207"
    /// A value outside the setting's fixed set of words.
    case unknownValue = "E0208"
    /// A setting that exists only in the other IKE version.
    case settingNotInVersion = "E0209"
    /// Two keys that set the same thing.
    case conflictingKeys = "E0210"

    /// A name that is no algorithm keyword, IANA name or number.
    case unknownAlgorithm = "E0301"
    /// A transform that this kind of proposal cannot carry.
    case transformNotAllowed = "E0302"
    /// An AEAD cipher and an integrity algorithm in one IKEv2 proposal.
    case aeadWithIntegrity = "E0303"
    /// A non-AEAD cipher without an integrity algorithm.
    case missingIntegrity = "E0304"
    /// AEAD and non-AEAD ciphers in one proposal.
    case mixedCipherKinds = "E0305"
    /// A phase 1 proposal without a Diffie-Hellman group.
    case missingDHGroup = "E0306"
    /// An AEAD phase 1 proposal without a PRF.
    case aeadWithoutPRF = "E0307"
    /// ESP with NULL encryption and no integrity.
    case nullWithoutIntegrity = "E0308"
    /// A registered transform ikec's engine does not implement.
    case unimplementedTransform = "E0309"
    /// A proposal without the transform its protocol needs.
    case missingTransform = "E0310"
    /// A transform or combination IKEv1 cannot express.
    case notInIKEv1 = "E0311"
    /// A malformed transform number or IANA name with a bad key length.
    case invalidTransformNumber = "E0312"
    /// A transform listed under another transform type's key.
    case wrongTransformType = "E0313"
    /// `none` together with Diffie-Hellman groups.
    case noneWithGroups = "E0314"
    /// A keyword string with an empty part.
    case malformedProposal = "E0315"

    /// Not an IPv4 or IPv6 address.
    case invalidAddress = "E0401"
    /// A prefix with host bits set.
    case hostBitsSet = "E0402"
    /// A range whose ends are reversed or of two families.
    case invalidRange = "E0403"
    /// A port out of range or a reversed port range.
    case invalidPort = "E0404"
    /// An IP protocol name ikec does not know.
    case unknownProtocol = "E0405"
    /// Two peers with the same address.
    case duplicatePeerAddress = "E0406"
    /// A peer at `any` address without an `id`.
    case anyWithoutIdentity = "E0407"
    /// A malformed traffic selector.
    case invalidSelector = "E0408"
    /// Ports on a selector whose protocol has none.
    case portsWithoutProtocol = "E0409"
    /// A gateway address that is not a single address.
    case gatewayAddressNotHost = "E0410"

    /// An identity whose value does not fit its type.
    case invalidIdentity = "E0501"
    /// An identity with an unknown type prefix.
    case unknownIdentityType = "E0502"
    /// Two peers with the same identity.
    case duplicatePeerIdentity = "E0503"
    /// An authentication method the peer's IKE version does not have.
    case methodNotInVersion = "E0504"
    /// Different local and remote methods in IKEv1.
    case ikev1AsymmetricAuth = "E0505"
    /// The psk method without a `psk`.
    case missingPSK = "E0506"
    /// A public key method without our own key material.
    case missingLocalCredentials = "E0507"
    /// A public key method without a way to trust the peer's key.
    case missingRemoteTrust = "E0508"
    /// An RSA encryption method without the peer's public key.
    case missingPeerKey = "E0509"
    /// A literal pre-shared key that does not decode.
    case malformedPSK = "E0510"
    /// `signature-hashes` or `rsa-padding` without the digital-signature method.
    case signatureOptionUnused = "E0511"
    /// An identity written without a type prefix (a note).
    case identityWithoutType = "E0520"

    /// A duration that is not a positive number with `s`, `m`, `h` or `d`.
    case invalidDuration = "E0601"
    /// A size that is not a positive number of bytes with an optional unit.
    case invalidSize = "E0602"
    /// A packet count that is not a positive decimal integer.
    case invalidPacketCount = "E0603"
    /// A byte lifetime on an IKEv2 IKE SA.
    case bytesLifetimeInIKEv2 = "E0604"
    /// A number too large to hold.
    case valueTooLarge = "E0606"

    /// An unknown `lint.profile`.
    case unknownLintProfile = "E0701"
    /// A rule severity other than error, warning, note or off.
    case invalidRuleSeverity = "E0702"
    /// A `# ikec:` comment that is not a well-formed suppression.
    case malformedSuppression = "E0703"
    /// A suppression without a reason.
    case suppressionWithoutReason = "E0704"
    /// A rule reference that is neither an id nor a kebab-case name.
    case invalidRuleReference = "E0705"

    /// A referenced file that does not exist or cannot be read.
    case missingFile = "E0801"
    /// A proposal set name that is not defined.
    case unknownProposalSet = "E0802"
    /// A proposal set named inside a proposal list.
    case proposalSetInList = "E0803"

    /// The descriptor for `ikec rules` and `ikec explain`.
    public var descriptor: RuleDescriptor {
        let text = PolicyDiagnosticText.text(for: self)
        return RuleDescriptor(
            id: rawValue, name: text.name, summary: text.summary,
            explanation: text.explanation, defaultSeverity: defaultSeverity)
    }

    /// The severity the checker emits it with.
    public var defaultSeverity: Severity { self == .identityWithoutType ? .note : .error }

    /// Whether `schemas/ikec-policy.schema.json` rejects the same files: true for problems
    /// of structure, type and spelling of fixed words. The others need knowledge a schema
    /// does not have (the algorithm registry, the IKE version's rules, the file system,
    /// comments, address arithmetic), and the schema accepts what they reject. The YAML
    /// layer's ids (E01xx) come before any JSON exists.
    public var checkedBySchema: Bool {
        switch self {
        case .unknownKey, .missingKey, .wrongType, .invalidInteger, .invalidName,
            .unsupportedLanguageVersion, .emptyCollection, .unknownValue, .conflictingKeys,
            .invalidDuration, .invalidSize, .invalidPacketCount, .unknownLintProfile,
            .invalidRuleSeverity, .invalidRuleReference:
            return true
        default:
            return false
        }
    }
}

/// The catalog of the checker's diagnostics.
public enum PolicyDiagnostics {
    /// One descriptor per id, in id order.
    public static var catalog: [RuleDescriptor] { PolicyDiagnosticID.allCases.map(\.descriptor) }

    /// The descriptor for an id such as `E0301`, if it is one of the checker's.
    public static func descriptor(for id: String) -> RuleDescriptor? {
        PolicyDiagnosticID(rawValue: id)?.descriptor
    }
}
