import Foundation
import FuzzSupport
import IKELint
import IKEPolicy

// A policy file's octets through the loader (precheck, YAML, checker) and, when it
// checks, every lint rule. File references resolve under a folder that does not exist.
let status = runFuzzer { data, size in
    let result = PolicyLoader.load(
        bytes: fuzzInput(data, size), path: "fuzz.yaml", baseDirectory: "/nonexistent/ikec-fuzz")
    if let policy = result.policy { _ = LintEngine.lint(policy) }
    return 0
}
exit(status)
