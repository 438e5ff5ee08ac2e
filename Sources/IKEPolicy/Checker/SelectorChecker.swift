import IKECore
import IKEDiagnostics

extension PolicyChecker {
    static let selectorKeys: FieldNames = ["net", "protocol", "ports"]

    /// `local-ts` or `remote-ts`: one selector or a list. Nil after an error.
    mutating func selectorList(_ node: YAMLNode, for what: String) -> SelectorList? {
        let items: YAMLItems
        if case .mapping = node.content {
            items = YAMLItems(single: node)
        } else if let many = oneOrMany(node, for: what, expected: "a selector or a list") {
            items = many
        } else {
            return nil
        }
        var selectors: [Located<TrafficSelector>] = []
        selectors.reserveCapacity(items.count)
        var failed = false
        for item in items {
            if let selector = self.selector(item, for: what) {
                selectors.append(selector)
            } else {
                failed = true
            }
        }
        return failed ? nil : SelectorList(selectors: selectors, origin: .written)
    }

    private mutating func selector(_ node: YAMLNode, for what: String) -> Located<TrafficSelector>?
    {
        switch node.content {
        case .mapping:
            return mapSelector(node)
        case .sequence:
            wrongType(node, expected: "a selector", for: what)
            return nil
        case .scalar:
            guard let text = string(node, for: what) else { return nil }
            return stringSelector(text)
        }
    }

    /// strongSwan's form: `10.1.0.0/16`, `10.1.0.0/16[tcp/443]`, `[udp/1000-2000]`, `[icmp]`.
    private mutating func stringSelector(_ text: Located<String>) -> Located<TrafficSelector>? {
        if let known = selectors[text.value] { return Located(known, at: text.span) }
        var bytes = text.value
        let quick = bytes.withUTF8(QuickSyntax.selector)
        guard let selector = quick ?? generalSelector(text)?.value else { return nil }
        // The same text always reads the same way: a policy repeats its selectors.
        selectors[text.value] = selector
        return Located(selector, at: text.span)
    }

    mutating func generalSelector(_ text: Located<String>) -> Located<TrafficSelector>? {
        var addressPart = text.value
        var protocolPart: String?
        if let open = text.value.firstIndex(of: "[") {
            guard text.value.hasSuffix("]") else {
                error(
                    .invalidSelector, "selector '\(text.value)' has '[' without a closing ']'",
                    at: text.span)
                return nil
            }
            addressPart = String(text.value[..<open])
            protocolPart = String(
                text.value[
                    text.value.index(after: open)..<text.value.index(before: text.value.endIndex)])
        }
        guard let entry = addressEntry(Located(addressPart, at: text.span)) else { return nil }
        var ipProtocol: UInt8 = 0
        var ports: ClosedRange<UInt16> = 0...65535
        if let protocolPart {
            let pieces = protocolPart.split(
                separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
            guard let number = protocolNumber(String(pieces[0]), at: text.span) else { return nil }
            ipProtocol = number
            if pieces.count == 2 {
                guard
                    let range = portRange(String(pieces[1]), protocolNumber: number, at: text.span)
                else {
                    return nil
                }
                ports = range
            }
        }
        return Located(
            TrafficSelector(
                startAddress: entry.value.first, endAddress: entry.value.last,
                ipProtocol: ipProtocol, startPort: ports.lowerBound, endPort: ports.upperBound),
            at: text.span)
    }

    /// `{ net: 10.1.0.0/16, protocol: tcp, ports: 443 }`.
    private mutating func mapSelector(_ node: YAMLNode) -> Located<TrafficSelector>? {
        guard let fields = fields(node, of: "a selector", allowed: Self.selectorKeys),
            let net = required(fields, "net", in: "a selector", owner: node.span),
            let netText = string(net.value, for: "net"), let entry = addressEntry(netText)
        else { return nil }
        var ipProtocol: UInt8 = 0
        var ports: ClosedRange<UInt16> = 0...65535
        if let node = fields["protocol"]?.value {
            guard let text = string(node, for: "protocol"),
                let number = protocolNumber(text.value, at: text.span)
            else { return nil }
            ipProtocol = number
        }
        if let portsNode = fields["ports"]?.value {
            guard let text = string(portsNode, for: "ports") else { return nil }
            guard fields["protocol"] != nil else {
                error(
                    .portsWithoutProtocol, "'ports' needs a 'protocol' such as tcp or udp",
                    at: text.span)
                return nil
            }
            guard let range = portRange(text.value, protocolNumber: ipProtocol, at: text.span)
            else {
                return nil
            }
            ports = range
        }
        return Located(
            TrafficSelector(
                startAddress: entry.value.first, endAddress: entry.value.last,
                ipProtocol: ipProtocol, startPort: ports.lowerBound, endPort: ports.upperBound),
            at: node.span)
    }

    private mutating func protocolNumber(_ text: String, at span: SourceSpan) -> UInt8? {
        if let number = SelectorSyntax.protocolNumber(text) { return number }
        let names = IPProtocolNames.byName.keys.sorted()
        var notes: [DiagnosticNote] = []
        if let guess = Suggestions.closest(to: text, among: names) {
            notes.append(DiagnosticNote("did you mean '\(guess)'?"))
        }
        notes.append(DiagnosticNote("use a name such as tcp, udp or icmp, or a number 0-255"))
        error(.unknownProtocol, "unknown IP protocol '\(text)'", at: span, notes: notes)
        return nil
    }

    private mutating func portRange(_ text: String, protocolNumber: UInt8, at span: SourceSpan)
        -> ClosedRange<UInt16>?
    {
        guard SelectorSyntax.portProtocols.contains(protocolNumber) else {
            error(
                .portsWithoutProtocol,
                "protocol '\(IPProtocolNames.name(of: protocolNumber))' has no ports", at: span,
                notes: [DiagnosticNote("ports apply to tcp, udp, sctp, and icmp (type and code)")])
            return nil
        }
        switch SelectorSyntax.ports(text) {
        case .success(let range):
            return range
        case .failure(let problem):
            error(
                problem.id, problem.message, at: span,
                fixIts: problem.replacement.map {
                    [FixIt("write '\($0)'", span: span, replacement: $0)]
                } ?? [])
            return nil
        }
    }
}
