import IKECore
import IKEPlan
import Testing

@Suite struct SelectorNarrowingTests {
    static func selector(_ text: String) -> TrafficSelector {
        TrafficSelector(network: IPNetwork(text)!)
    }

    @Test func narrowingTakesTheIntersectionInProposedOrder() {
        let narrowed = SelectorNarrowing.narrow(
            [Self.selector("10.0.0.0/8"), Self.selector("192.168.0.0/16")],
            to: [Self.selector("192.168.1.0/24"), Self.selector("10.1.0.0/16")])
        #expect(narrowed == [Self.selector("10.1.0.0/16"), Self.selector("192.168.1.0/24")])
    }

    @Test func disjointSelectorsNarrowToNothing() {
        #expect(
            SelectorNarrowing.narrow(
                [Self.selector("10.1.0.0/16")], to: [Self.selector("10.2.0.0/16")]
            )
            .isEmpty)
    }

    @Test func protocolAndPortsNarrowToo() {
        let web = TrafficSelector(
            network: IPNetwork("10.1.1.0/24")!, ipProtocol: 6, ports: 443...443)
        #expect(SelectorNarrowing.narrow([Self.selector("10.1.0.0/16")], to: [web]) == [web])
    }

    @Test func ikev1NeedsContainmentNotOverlap() {
        #expect(
            SelectorNarrowing.isContained(
                Self.selector("10.1.2.0/24"), in: [Self.selector("10.1.0.0/16")]))
        #expect(
            !SelectorNarrowing.isContained(
                Self.selector("10.0.0.0/8"), in: [Self.selector("10.1.0.0/16")]))
    }
}
