import IKECore
import IKECrypto
import IKEEngine

/// One full negotiation between two in-memory sessions of `pair` (initiator first), with
/// system randomness. Kept out of line so that a profile shows its inclusive cost under
/// its own name, to compare with a suite's `cryptoFloor`.
@inline(never)
func negotiateInMemory(_ pair: (IKEPeerConfiguration, IKEPeerConfiguration)) throws
    -> LoopbackExchange
{
    let loopback = try LoopbackExchange(
        initiator: pair.0, responder: pair.1, initiatorRandom: SystemRandom(),
        responderRandom: SystemRandom())
    loopback.negotiate()
    return loopback
}
