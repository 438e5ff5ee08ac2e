#if canImport(Glibc)
    import Glibc
#endif

/// The C library's text for an `errno` value.
enum SystemErrorText {
    /// `strerror(code)`, or the number when the library has no text for it.
    static func message(_ code: Int32) -> String {
        guard let text = strerror(code) else { return "errno \(code)" }
        return String(cString: text)
    }
}
