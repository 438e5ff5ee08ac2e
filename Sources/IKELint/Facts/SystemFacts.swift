#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What rules ask the operating system: a file's permission bits and whether an
/// environment variable is set. Tests may substitute both.
public struct SystemFacts: Sendable {
    /// The permission bits (`st_mode & 0o777`) of a file, nil if it cannot be examined.
    public var permissions: @Sendable (String) -> UInt32?
    /// Whether an environment variable is set (to any value, even empty).
    public var isSet: @Sendable (String) -> Bool

    /// Facts from this process's file system and environment.
    public static let live = SystemFacts(
        permissions: { path in
            var info = stat()
            guard stat(path, &info) == 0 else { return nil }
            return UInt32(info.st_mode) & 0o777
        },
        isSet: { name in getenv(name) != nil })

    /// Custom facts.
    public init(
        permissions: @escaping @Sendable (String) -> UInt32?,
        isSet: @escaping @Sendable (String) -> Bool
    ) {
        self.permissions = permissions
        self.isSet = isSet
    }
}
