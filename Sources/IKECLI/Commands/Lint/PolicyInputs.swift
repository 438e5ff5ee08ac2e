import Foundation

/// The files `ikec lint` was asked about: paths as given, folders searched recursively
/// for `*.yaml` and `*.yml` (sorted, hidden entries skipped), `-` for standard input.
struct PolicyInputs {
    /// One input to load.
    enum Input: Hashable {
        /// A path to read (as given, or found in a folder).
        case file(String)
        /// Standard input.
        case standardInput
    }

    /// The inputs, in order, each once.
    var inputs: [Input] = []
    /// Folders that held no policy file.
    var emptyFolders: [String] = []
    /// The paths found by searching a folder (not named on the command line): YAML files
    /// of other kinds among them are skipped rather than reported.
    var foundInFolders: Set<String> = []

    /// Expands the command's positional arguments.
    static func expand(_ arguments: [String]) -> PolicyInputs {
        var result = PolicyInputs()
        var seen = Set<Input>()
        func add(_ input: Input) {
            if seen.insert(input).inserted { result.inputs.append(input) }
        }
        for argument in arguments {
            if argument == "-" {
                add(.standardInput)
                continue
            }
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: argument, isDirectory: &isFolder),
                isFolder.boolValue
            {
                let found = policyFiles(under: argument, depth: 0)
                if found.isEmpty { result.emptyFolders.append(argument) }
                for path in found {
                    add(.file(path))
                    result.foundInFolders.insert(path)
                }
            } else {
                // Missing files are loaded too, so the loader reports them like any other.
                add(.file(argument))
            }
        }
        return result
    }

    /// Policy files under `folder`, depth first, entries sorted by name. Symbolic links to
    /// folders are not followed (they could loop); the depth is bounded for the same reason.
    private static func policyFiles(under folder: String, depth: Int) -> [String] {
        guard depth < 32,
            let names = try? FileManager.default.contentsOfDirectory(atPath: folder)
        else { return [] }
        var out: [String] = []
        for name in names.sorted() where !name.hasPrefix(".") {
            let path = folder.hasSuffix("/") ? folder + name : folder + "/" + name
            let attributes = try? FileManager.default.attributesOfItem(atPath: path)
            let type = attributes?[.type] as? FileAttributeType
            if type == .typeDirectory {
                out += policyFiles(under: path, depth: depth + 1)
            } else if type != .typeSymbolicLink || !isFolder(path),
                name.hasSuffix(".yaml") || name.hasSuffix(".yml")
            {
                out.append(path)
            }
        }
        return out
    }

    private static func isFolder(_ path: String) -> Bool {
        var isFolder: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isFolder)
            && isFolder.boolValue
    }
}
