/// IKEv2 Notify Message Types (RFC 7296 section 3.10.1 and the IANA "IKEv2 Notify
/// Message Types" registry). Error types are below 16384 and status types from 16384 on;
/// any number, known or not, is carried as it is, so a new type never fails decoding.
///
/// This is an open set rather than a closed `enum`: the constants below name the
/// registered types, `init(rawValue:)` accepts every number, and `switch` over the
/// constants works through `~=` with a `default` for the rest.
public struct IKEv2NotifyType: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    /// The Notify Message Type number.
    public let rawValue: UInt16

    /// A notify type from its number.
    public init(rawValue: UInt16) { self.rawValue = rawValue }

    /// Whether the type is an error (below 16384): a request that carries one failed.
    public var isError: Bool { rawValue < 16384 }

    /// The IANA name, or nil for a number not in this table.
    public var name: String? { Self.names[rawValue] }

    /// The IANA name, or the number as text.
    public var description: String { name ?? "NOTIFY(\(rawValue))" }

    /// 1: UNSUPPORTED_CRITICAL_PAYLOAD, a critical payload was not understood; data is its one-
    /// octet type.
    public static let unsupportedCriticalPayload = Self(rawValue: 1)
    /// 4: INVALID_IKE_SPI, a message arrived for an IKE SA the recipient does not know.
    public static let invalidIKESPI = Self(rawValue: 4)
    /// 5: INVALID_MAJOR_VERSION, the major version is not supported; data is the highest supported
    /// one.
    public static let invalidMajorVersion = Self(rawValue: 5)
    /// 7: INVALID_SYNTAX, a message was malformed or invalid.
    public static let invalidSyntax = Self(rawValue: 7)
    /// 9: INVALID_MESSAGE_ID, a message ID was outside the window.
    public static let invalidMessageID = Self(rawValue: 9)
    /// 11: INVALID_SPI, a packet arrived for a Child SA that does not exist.
    public static let invalidSPI = Self(rawValue: 11)
    /// 14: NO_PROPOSAL_CHOSEN, none of the proposals was acceptable.
    public static let noProposalChosen = Self(rawValue: 14)
    /// 17: INVALID_KE_PAYLOAD, the KE group was not the one wanted; data is the accepted group.
    public static let invalidKEPayload = Self(rawValue: 17)
    /// 24: AUTHENTICATION_FAILED, the AUTH payload or identities were not accepted.
    public static let authenticationFailed = Self(rawValue: 24)
    /// 34: SINGLE_PAIR_REQUIRED, only a single pair of addresses is acceptable as selectors.
    public static let singlePairRequired = Self(rawValue: 34)
    /// 35: NO_ADDITIONAL_SAS, no more Child SAs are accepted on this IKE SA.
    public static let noAdditionalSAs = Self(rawValue: 35)
    /// 36: INTERNAL_ADDRESS_FAILURE, no internal address could be assigned.
    public static let internalAddressFailure = Self(rawValue: 36)
    /// 37: FAILED_CP_REQUIRED, a configuration request was required but missing.
    public static let failedCPRequired = Self(rawValue: 37)
    /// 38: TS_UNACCEPTABLE, none of the traffic selectors was acceptable.
    public static let tsUnacceptable = Self(rawValue: 38)
    /// 39: INVALID_SELECTORS, an ESP/AH packet did not match its SA's selectors.
    public static let invalidSelectors = Self(rawValue: 39)
    /// 40: UNACCEPTABLE_ADDRESSES, MOBIKE: the new addresses are not acceptable (RFC 4555).
    public static let unacceptableAddresses = Self(rawValue: 40)
    /// 41: UNEXPECTED_NAT_DETECTED, MOBIKE: a NAT was found where none was allowed (RFC 4555).
    public static let unexpectedNATDetected = Self(rawValue: 41)
    /// 42: USE_ASSIGNED_HoA, Mobile IPv6: use the assigned home address (RFC 5026).
    public static let useAssignedHoA = Self(rawValue: 42)
    /// 43: TEMPORARY_FAILURE, the request cannot be served now; retry later (RFC 7296 section
    /// 2.25).
    public static let temporaryFailure = Self(rawValue: 43)
    /// 44: CHILD_SA_NOT_FOUND, the Child SA to rekey does not exist (RFC 7296 section 2.25).
    public static let childSANotFound = Self(rawValue: 44)
    /// 16384: INITIAL_CONTACT, the first IKE SA between these identities; stale SAs may be deleted.
    public static let initialContact = Self(rawValue: 16384)
    /// 16385: SET_WINDOW_SIZE, the sender's message window size; data is 4 octets.
    public static let setWindowSize = Self(rawValue: 16385)
    /// 16386: ADDITIONAL_TS_POSSIBLE, the selectors were narrowed; more SAs could cover the rest.
    public static let additionalTSPossible = Self(rawValue: 16386)
    /// 16387: IPCOMP_SUPPORTED, IPComp is offered; data is a CPI and a transform ID.
    public static let ipcompSupported = Self(rawValue: 16387)
    /// 16388: NAT_DETECTION_SOURCE_IP, hash of SPIs, source address and port (RFC 7296 section
    /// 2.23).
    public static let natDetectionSourceIP = Self(rawValue: 16388)
    /// 16389: NAT_DETECTION_DESTINATION_IP, hash of SPIs, destination address and port.
    public static let natDetectionDestinationIP = Self(rawValue: 16389)
    /// 16390: COOKIE, a stateless cookie the initiator must echo (RFC 7296 section 2.6).
    public static let cookie = Self(rawValue: 16390)
    /// 16391: USE_TRANSPORT_MODE, the Child SA is asked for in transport mode.
    public static let useTransportMode = Self(rawValue: 16391)
    /// 16392: HTTP_CERT_LOOKUP_SUPPORTED, hash and URL certificates can be fetched.
    public static let httpCertLookupSupported = Self(rawValue: 16392)
    /// 16393: REKEY_SA, the Child SA being created replaces the one named by the SPI.
    public static let rekeySA = Self(rawValue: 16393)
    /// 16394: ESP_TFC_PADDING_NOT_SUPPORTED, traffic flow confidentiality padding is not wanted.
    public static let espTFCPaddingNotSupported = Self(rawValue: 16394)
    /// 16395: NON_FIRST_FRAGMENTS_ALSO, non-first fragments are sent on this SA too.
    public static let nonFirstFragmentsAlso = Self(rawValue: 16395)
    /// 16396: MOBIKE_SUPPORTED, MOBIKE is supported (RFC 4555).
    public static let mobikeSupported = Self(rawValue: 16396)
    /// 16397: ADDITIONAL_IP4_ADDRESS, MOBIKE: another IPv4 address of the sender.
    public static let additionalIP4Address = Self(rawValue: 16397)
    /// 16398: ADDITIONAL_IP6_ADDRESS, MOBIKE: another IPv6 address of the sender.
    public static let additionalIP6Address = Self(rawValue: 16398)
    /// 16399: NO_ADDITIONAL_ADDRESSES, MOBIKE: the sender has no other addresses.
    public static let noAdditionalAddresses = Self(rawValue: 16399)
    /// 16400: UPDATE_SA_ADDRESSES, MOBIKE: move the SAs to this message's addresses.
    public static let updateSAAddresses = Self(rawValue: 16400)
    /// 16401: COOKIE2, MOBIKE return routability check.
    public static let cookie2 = Self(rawValue: 16401)
    /// 16402: NO_NATS_ALLOWED, MOBIKE: NAT traversal is not allowed.
    public static let noNATsAllowed = Self(rawValue: 16402)
    /// 16403: AUTH_LIFETIME, reauthentication is needed within this many seconds (RFC 4478).
    public static let authLifetime = Self(rawValue: 16403)
    /// 16404: MULTIPLE_AUTH_SUPPORTED, several authentication rounds are supported (RFC 4739).
    public static let multipleAuthSupported = Self(rawValue: 16404)
    /// 16405: ANOTHER_AUTH_FOLLOWS, another authentication round follows (RFC 4739).
    public static let anotherAuthFollows = Self(rawValue: 16405)
    /// 16406: REDIRECT_SUPPORTED, redirection is supported (RFC 5685).
    public static let redirectSupported = Self(rawValue: 16406)
    /// 16407: REDIRECT, go to another gateway (RFC 5685).
    public static let redirect = Self(rawValue: 16407)
    /// 16408: REDIRECTED_FROM, the gateway that redirected the initiator (RFC 5685).
    public static let redirectedFrom = Self(rawValue: 16408)
    /// 16409: TICKET_LT_OPAQUE, a session resumption ticket with lifetime (RFC 5723).
    public static let ticketLTOpaque = Self(rawValue: 16409)
    /// 16410: TICKET_REQUEST, asks for a session resumption ticket (RFC 5723).
    public static let ticketRequest = Self(rawValue: 16410)
    /// 16411: TICKET_ACK, a ticket will be sent (RFC 5723).
    public static let ticketAck = Self(rawValue: 16411)
    /// 16412: TICKET_NACK, no ticket will be sent (RFC 5723).
    public static let ticketNack = Self(rawValue: 16412)
    /// 16413: TICKET_OPAQUE, a session resumption ticket (RFC 5723).
    public static let ticketOpaque = Self(rawValue: 16413)
    /// 16414: LINK_ID, IPv6 link identifier (RFC 5739).
    public static let linkID = Self(rawValue: 16414)
    /// 16415: USE_WESP_MODE, wrapped ESP is asked for (RFC 5840).
    public static let useWESPMode = Self(rawValue: 16415)
    /// 16416: ROHC_SUPPORTED, robust header compression is offered (RFC 5857).
    public static let rohcSupported = Self(rawValue: 16416)
    /// 16417: EAP_ONLY_AUTHENTICATION, EAP alone authenticates the responder (RFC 5998).
    public static let eapOnlyAuthentication = Self(rawValue: 16417)
    /// 16418: CHILDLESS_IKEV2_SUPPORTED, an IKE SA without a Child SA is fine (RFC 6023).
    public static let childlessIKEv2Supported = Self(rawValue: 16418)
    /// 16419: QUICK_CRASH_DETECTION, a token for quick crash detection (RFC 6290).
    public static let quickCrashDetection = Self(rawValue: 16419)
    /// 16420: IKEV2_MESSAGE_ID_SYNC_SUPPORTED, message ID synchronisation is supported (RFC 6311).
    public static let ikev2MessageIDSyncSupported = Self(rawValue: 16420)
    /// 16421: IPSEC_REPLAY_COUNTER_SYNC_SUPPORTED, replay counter synchronisation is supported (RFC
    /// 6311).
    public static let ipsecReplayCounterSyncSupported = Self(rawValue: 16421)
    /// 16422: IKEV2_MESSAGE_ID_SYNC, message ID synchronisation (RFC 6311).
    public static let ikev2MessageIDSync = Self(rawValue: 16422)
    /// 16423: IPSEC_REPLAY_COUNTER_SYNC, replay counter synchronisation (RFC 6311).
    public static let ipsecReplayCounterSync = Self(rawValue: 16423)
    /// 16424: SECURE_PASSWORD_METHODS, the secure password methods offered (RFC 6467).
    public static let securePasswordMethods = Self(rawValue: 16424)
    /// 16425: PSK_PERSIST, keep using the PSK (RFC 6631).
    public static let pskPersist = Self(rawValue: 16425)
    /// 16426: PSK_CONFIRM, the PSK is confirmed (RFC 6631).
    public static let pskConfirm = Self(rawValue: 16426)
    /// 16427: ERX_SUPPORTED, EAP re-authentication is supported (RFC 6867).
    public static let erxSupported = Self(rawValue: 16427)
    /// 16428: IFOM_CAPABILITY, IP flow mobility is supported (3GPP TS 24.303).
    public static let ifomCapability = Self(rawValue: 16428)
    /// 16429: SENDER_REQUEST_ID, group sender request identifier (G-IKEv2).
    public static let senderRequestID = Self(rawValue: 16429)
    /// 16430: IKEV2_FRAGMENTATION_SUPPORTED, IKE fragmentation is supported (RFC 7383).
    public static let ikev2FragmentationSupported = Self(rawValue: 16430)
    /// 16431: SIGNATURE_HASH_ALGORITHMS, the hash algorithms accepted for signatures, 2 octets each
    /// (RFC 7427).
    public static let signatureHashAlgorithms = Self(rawValue: 16431)
    /// 16432: CLONE_IKE_SA_SUPPORTED, IKE SA cloning is supported (RFC 7791).
    public static let cloneIKESASupported = Self(rawValue: 16432)
    /// 16433: CLONE_IKE_SA, this rekey clones the IKE SA (RFC 7791).
    public static let cloneIKESA = Self(rawValue: 16433)
    /// 16434: PUZZLE, a client puzzle to solve (RFC 8019).
    public static let puzzle = Self(rawValue: 16434)
    /// 16435: USE_PPK, a post-quantum preshared key is offered (RFC 8784).
    public static let usePPK = Self(rawValue: 16435)
    /// 16436: PPK_IDENTITY, the PPK's identity (RFC 8784).
    public static let ppkIdentity = Self(rawValue: 16436)
    /// 16437: NO_PPK_AUTH, AUTH computed without the PPK (RFC 8784).
    public static let noPPKAuth = Self(rawValue: 16437)
    /// 16438: INTERMEDIATE_EXCHANGE_SUPPORTED, IKE_INTERMEDIATE is supported (RFC 9242).
    public static let intermediateExchangeSupported = Self(rawValue: 16438)
    /// 16439: IP4_ALLOWED, IPv4 is allowed in the tunnel (RFC 8983).
    public static let ip4Allowed = Self(rawValue: 16439)
    /// 16440: IP6_ALLOWED, IPv6 is allowed in the tunnel (RFC 8983).
    public static let ip6Allowed = Self(rawValue: 16440)
    /// 16441: ADDITIONAL_KEY_EXCHANGE, links an additional key exchange (RFC 9370).
    public static let additionalKeyExchange = Self(rawValue: 16441)
    /// 16442: USE_AGGFRAG, IP-TFS aggregation and fragmentation (RFC 9347).
    public static let useAggfrag = Self(rawValue: 16442)
    /// 16443: SUPPORTED_AUTH_METHODS, the authentication methods supported (RFC 9593).
    public static let supportedAuthMethods = Self(rawValue: 16443)
    /// 16444: SA_RESOURCE_INFO, per-resource SA information (RFC 9611).
    public static let saResourceInfo = Self(rawValue: 16444)
    /// 16445: USE_PPK_INT, a PPK mixed in IKE_INTERMEDIATE (RFC 9867).
    public static let usePPKInt = Self(rawValue: 16445)
    /// 16446: PPK_IDENTITY_KEY, the PPK's identity and key confirmation (RFC 9867).
    public static let ppkIdentityKey = Self(rawValue: 16446)

    private static let names: [UInt16: String] = [
        1: "UNSUPPORTED_CRITICAL_PAYLOAD",
        4: "INVALID_IKE_SPI",
        5: "INVALID_MAJOR_VERSION",
        7: "INVALID_SYNTAX",
        9: "INVALID_MESSAGE_ID",
        11: "INVALID_SPI",
        14: "NO_PROPOSAL_CHOSEN",
        17: "INVALID_KE_PAYLOAD",
        24: "AUTHENTICATION_FAILED",
        34: "SINGLE_PAIR_REQUIRED",
        35: "NO_ADDITIONAL_SAS",
        36: "INTERNAL_ADDRESS_FAILURE",
        37: "FAILED_CP_REQUIRED",
        38: "TS_UNACCEPTABLE",
        39: "INVALID_SELECTORS",
        40: "UNACCEPTABLE_ADDRESSES",
        41: "UNEXPECTED_NAT_DETECTED",
        42: "USE_ASSIGNED_HoA",
        43: "TEMPORARY_FAILURE",
        44: "CHILD_SA_NOT_FOUND",
        16384: "INITIAL_CONTACT",
        16385: "SET_WINDOW_SIZE",
        16386: "ADDITIONAL_TS_POSSIBLE",
        16387: "IPCOMP_SUPPORTED",
        16388: "NAT_DETECTION_SOURCE_IP",
        16389: "NAT_DETECTION_DESTINATION_IP",
        16390: "COOKIE",
        16391: "USE_TRANSPORT_MODE",
        16392: "HTTP_CERT_LOOKUP_SUPPORTED",
        16393: "REKEY_SA",
        16394: "ESP_TFC_PADDING_NOT_SUPPORTED",
        16395: "NON_FIRST_FRAGMENTS_ALSO",
        16396: "MOBIKE_SUPPORTED",
        16397: "ADDITIONAL_IP4_ADDRESS",
        16398: "ADDITIONAL_IP6_ADDRESS",
        16399: "NO_ADDITIONAL_ADDRESSES",
        16400: "UPDATE_SA_ADDRESSES",
        16401: "COOKIE2",
        16402: "NO_NATS_ALLOWED",
        16403: "AUTH_LIFETIME",
        16404: "MULTIPLE_AUTH_SUPPORTED",
        16405: "ANOTHER_AUTH_FOLLOWS",
        16406: "REDIRECT_SUPPORTED",
        16407: "REDIRECT",
        16408: "REDIRECTED_FROM",
        16409: "TICKET_LT_OPAQUE",
        16410: "TICKET_REQUEST",
        16411: "TICKET_ACK",
        16412: "TICKET_NACK",
        16413: "TICKET_OPAQUE",
        16414: "LINK_ID",
        16415: "USE_WESP_MODE",
        16416: "ROHC_SUPPORTED",
        16417: "EAP_ONLY_AUTHENTICATION",
        16418: "CHILDLESS_IKEV2_SUPPORTED",
        16419: "QUICK_CRASH_DETECTION",
        16420: "IKEV2_MESSAGE_ID_SYNC_SUPPORTED",
        16421: "IPSEC_REPLAY_COUNTER_SYNC_SUPPORTED",
        16422: "IKEV2_MESSAGE_ID_SYNC",
        16423: "IPSEC_REPLAY_COUNTER_SYNC",
        16424: "SECURE_PASSWORD_METHODS",
        16425: "PSK_PERSIST",
        16426: "PSK_CONFIRM",
        16427: "ERX_SUPPORTED",
        16428: "IFOM_CAPABILITY",
        16429: "SENDER_REQUEST_ID",
        16430: "IKEV2_FRAGMENTATION_SUPPORTED",
        16431: "SIGNATURE_HASH_ALGORITHMS",
        16432: "CLONE_IKE_SA_SUPPORTED",
        16433: "CLONE_IKE_SA",
        16434: "PUZZLE",
        16435: "USE_PPK",
        16436: "PPK_IDENTITY",
        16437: "NO_PPK_AUTH",
        16438: "INTERMEDIATE_EXCHANGE_SUPPORTED",
        16439: "IP4_ALLOWED",
        16440: "IP6_ALLOWED",
        16441: "ADDITIONAL_KEY_EXCHANGE",
        16442: "USE_AGGFRAG",
        16443: "SUPPORTED_AUTH_METHODS",
        16444: "SA_RESOURCE_INFO",
        16445: "USE_PPK_INT",
        16446: "PPK_IDENTITY_KEY",
    ]
}
