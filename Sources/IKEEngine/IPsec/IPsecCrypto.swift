import IKECrypto

/// Runs IKECrypto calls for ESP and AH and turns their errors into this layer's.
enum IPsecCrypto {
    /// The result of `body`; a `CryptoError` becomes the matching `IPsecError`, with
    /// `subject` ("ESP", "AH") naming whose ICV failed.
    static func run<T>(_ subject: String, _ body: () throws -> T) throws(IPsecError) -> T {
        do {
            return try body()
        } catch let error as CryptoError {
            switch error.code {
            case .authenticationFailed:
                throw IPsecError(.authenticationFailed, "the \(subject) ICV does not verify")
            case .unsupportedAlgorithm:
                throw IPsecError(.unsupportedAlgorithm, error.context)
            case .invalidKeyLength, .invalidIVLength:
                throw IPsecError(.invalidConfiguration, error.context)
            default:
                throw IPsecError(.cryptoFailure, error.description)
            }
        } catch {
            throw IPsecError(.cryptoFailure, "\(subject): \(error)")
        }
    }
}
