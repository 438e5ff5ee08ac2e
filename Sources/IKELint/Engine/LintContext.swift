import Foundation
import IKECore
import IKEDiagnostics
import IKEPolicy

/// Everything a rule may look at: the policy, the profile in effect, the policies it pairs
/// with, the clock, and cached facts (proposal sites, certificates, file modes).
final class LintContext {
    /// The policy being linted.
    let policy: CheckedPolicy
    /// The profile in effect.
    let profile: LintProfile
    /// The requirement tables for the profile.
    let judge: AlgorithmJudge
    /// The peers of this policy whose other end is among the policies given alongside.
    let pairs: [PolicyPair]
    /// The peers several of those policies could be the other end of.
    let ambiguousPairs: [AmbiguousPairing]
    /// The time certificates are judged at.
    let now: Date
    /// Every proposal of every peer, with where it is used.
    let sites: [ProposalSite]
    /// One site per written proposal and use: a named set used by many peers appears once.
    /// For rules whose findings depend only on the proposal and its use, not on the peer.
    let distinctSites: [ProposalSite]
    /// The written transforms (`ProposalSite.writtenTransforms`) of each distinct site, in
    /// the same order.
    let distinctWrittenTransforms: [[Located<Transform>]]
    /// Each written proposal list once (see `ProposalLists`).
    let proposalLists: [ProposalList]
    /// Certificates read from the policy's credentials, by resolved path.
    let certificates: CertificateStore
    /// File modes and environment lookups.
    let system: SystemFacts

    init(
        policy: CheckedPolicy, profile: LintProfile, pairing: PolicyPairing.Result, now: Date,
        system: SystemFacts
    ) {
        self.policy = policy
        self.profile = profile
        self.judge = AlgorithmJudge(profile: profile)
        self.pairs = pairing.pairs
        self.ambiguousPairs = pairing.ambiguous
        self.now = now
        self.sites = ProposalSite.all(in: policy)
        var seen = Set<ProposalSite.Place>()
        seen.reserveCapacity(sites.count)
        self.distinctSites = sites.filter { seen.insert($0.place).inserted }
        self.distinctWrittenTransforms = distinctSites.map {
            ProposalSite.writtenTransforms($0.proposal)
        }
        self.proposalLists = ProposalLists.all(in: policy)
        self.certificates = CertificateStore()
        self.system = system
    }

    /// Verdicts already reached, by transform code (`TransformCode`) and use: a large
    /// policy names the same few algorithms thousands of times.
    private var verdicts: [Int: AlgorithmVerdict?] = [:]

    /// The profile's verdict on `transform` used for `use`, memoized.
    func verdict(for transform: Transform, use: AlgorithmUse) -> AlgorithmVerdict? {
        guard let code = TransformCode.of(transform) else {
            return judge.verdict(for: transform, use: use)
        }
        // Three uses: the ordinal fits in the two bits below the transform's code.
        let key = code << 2 | use.ordinal
        if let known = verdicts[key] { return known }
        let verdict = judge.verdict(for: transform, use: use)
        verdicts[key] = .some(verdict)
        return verdict
    }

    /// Strengths already looked up, by transform code: the registry's tables are
    /// dictionaries of records, and rules ask for the same few transforms thousands of
    /// times.
    private var strengths: [Int: Int?] = [:]

    /// `Strength.bits(of:)`, memoized.
    func strength(of transform: Transform) -> Int? {
        guard let code = TransformCode.of(transform) else { return Strength.bits(of: transform) }
        if let known = strengths[code] { return known }
        let bits = Strength.bits(of: transform)
        strengths[code] = .some(bits)
        return bits
    }

    /// Environment variables already asked about: a policy names a few variables for
    /// many peers.
    private var variables: [String: Bool] = [:]

    /// Whether the environment variable is set, asked of the system once per name.
    func isSet(_ name: String) -> Bool {
        if let known = variables[name] { return known }
        let set = system.isSet(name)
        variables[name] = set
        return set
    }

    /// The resolvable pre-shared keys (see `ResolvedPSK.all`), resolved on first use.
    private(set) lazy var resolvedKeys: [ResolvedPSK] = ResolvedPSK.all(in: self)

    /// The path diagnostics of this policy show.
    var path: String { policy.source.file.path }
}
