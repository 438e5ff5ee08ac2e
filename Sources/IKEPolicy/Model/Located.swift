import IKEDiagnostics

/// A value from a policy file together with the place it was written, so that a later
/// stage (a lint rule, the planner) can point a diagnostic at it.
public struct Located<Value> {
    /// The value as the checker understood it.
    public var value: Value
    /// Where it was written.
    public var span: SourceSpan

    /// A located value.
    public init(_ value: Value, at span: SourceSpan) {
        self.value = value
        self.span = span
    }

    /// The same place with a transformed value.
    public func map<Other>(_ transform: (Value) throws -> Other) rethrows -> Located<Other> {
        Located<Other>(try transform(value), at: span)
    }
}

extension Located: Sendable where Value: Sendable {}
extension Located: Equatable where Value: Equatable {}
extension Located: Hashable where Value: Hashable {}
