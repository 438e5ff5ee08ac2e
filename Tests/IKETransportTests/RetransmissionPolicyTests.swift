import IKECore
import IKEEngine
import Testing

@testable import IKETransport

@Suite("RetransmissionPolicy")
struct RetransmissionPolicyTests {
    let request = Datagram(
        source: Endpoint(address: IPAddress("192.0.2.1")!),
        destination: Endpoint(address: IPAddress("192.0.2.2")!), message: [1, 2, 3])

    @Test func timeoutsGrowExponentially() {
        let policy = RetransmissionPolicy(initialTimeout: 0.5, backoff: 2)
        #expect((0..<4).map(policy.timeout(afterAttempt:)) == [0.5, 1, 2, 4])
    }

    @Test func timerRetransmitsThenGivesUpAfterTheLastRetransmission() {
        let policy = RetransmissionPolicy(
            initialTimeout: 1, backoff: 2, maximumRetransmissions: 2, giveUpAfter: 100)
        var timer = RetransmissionTimer(request: request, now: 10, policy: policy)
        #expect(timer.fire(now: 10.5, policy: policy) == .wait)
        #expect(timer.fire(now: 11, policy: policy) == .retransmit)
        #expect(timer.deadline == 13)
        #expect(timer.fire(now: 12.9, policy: policy) == .wait)
        #expect(timer.fire(now: 13, policy: policy) == .retransmit)
        #expect(timer.deadline == 17)
        #expect(timer.fire(now: 17, policy: policy) == .giveUp)
    }

    @Test func giveUpTimeCutsTheBackoffShort() {
        let policy = RetransmissionPolicy(
            initialTimeout: 1, backoff: 10, maximumRetransmissions: 10, giveUpAfter: 5)
        var timer = RetransmissionTimer(request: request, now: 0, policy: policy)
        #expect(timer.fire(now: 1, policy: policy) == .retransmit)
        #expect(timer.deadline == 5)
        #expect(timer.fire(now: 5, policy: policy) == .giveUp)
    }
}
