/// Builds text in strongSwan's settings syntax (strongswan.conf(5), which swanctl.conf
/// uses): nested `name { ... }` sections and `key = value` lines, four spaces per level.
struct SettingsText {
    private(set) var text = ""
    private var depth = 0

    /// `# text` at the current depth; an empty string gives a blank line.
    mutating func comment(_ line: String) {
        if line.isEmpty {
            text += "\n"
        } else {
            text += indent + "# " + line + "\n"
        }
    }

    /// A blank line.
    mutating func blank() { text += "\n" }

    /// `key = value`, quoting the value when the syntax needs it.
    mutating func set(_ key: String, _ value: String) {
        text += indent + key + " = " + Self.quoted(value) + "\n"
    }

    /// `key = a, b, c`: a list value; each element is quoted when needed.
    mutating func set(_ key: String, list values: [String]) {
        text += indent + key + " = " + values.map(Self.quoted).joined(separator: ", ") + "\n"
    }

    /// A raw line (for `include`).
    mutating func line(_ raw: String) { text += indent + raw + "\n" }

    /// `name { ... }`.
    mutating func section(_ name: String, _ body: (inout SettingsText) -> Void) {
        text += indent + name + " {\n"
        depth += 1
        body(&self)
        depth -= 1
        text += indent + "}\n"
    }

    private var indent: String { String(repeating: " ", count: depth * 4) }

    /// A value as the settings parser reads it back unchanged: bare when it holds only
    /// characters the parser takes literally, otherwise in double quotes with `"` and `\`
    /// escaped. Commas force quotes, because swanctl splits list options on them.
    static func quoted(_ value: String) -> String {
        let bare =
            !value.isEmpty
            && value.unicodeScalars.allSatisfy { scalar in
                switch scalar {
                case "a"..."z", "A"..."Z", "0"..."9": return true
                case ".", ":", "/", "-", "_", "@", "%", "[", "]", "*", "+", "#": return true
                default: return false
                }
            }
        if bare && !value.hasPrefix("#") { return value }
        var out = "\""
        for character in value {
            if character == "\"" || character == "\\" { out.append("\\") }
            out.append(character)
        }
        return out + "\""
    }
}
