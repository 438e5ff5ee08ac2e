// swift-tools-version:6.0
// ikec: an IKE/IPsec policy compiler and validator. The target graph follows the pipeline
// (read, parse, check, lint, compile, verify, report); dependencies point one way only.
import PackageDescription

let package = Package(
    name: "ikec",
    products: [
        .executable(name: "ikec", targets: ["ikec"]),
        .executable(name: "ikec-bench", targets: ["ikec-bench"]),
        // The modules that read untrusted bytes, for the fuzzing package in Tests/Fuzz.
        .library(name: "IKECore", targets: ["IKECore"]),
        .library(name: "IKEPolicy", targets: ["IKEPolicy"]),
        .library(name: "IKELint", targets: ["IKELint"]),
        .library(name: "IKECrypto", targets: ["IKECrypto"]),
        .library(name: "IKEWire", targets: ["IKEWire"]),
        .library(name: "IKEEngine", targets: ["IKEEngine"]),
    ],
    targets: [
        // C libraries from Debian: libyaml-dev and libssl-dev (OpenSSL 3 libcrypto).
        .systemLibrary(name: "CYAML", pkgConfig: "yaml-0.1", providers: [.apt(["libyaml-dev"])]),
        .systemLibrary(
            name: "CCrypto", pkgConfig: "libcrypto", providers: [.apt(["libssl-dev"])]),
        .target(name: "CCryptoShim", dependencies: ["CCrypto"]),

        // Vocabulary shared by every layer: IANA registries, secrets, bytes, identities.
        .target(name: "IKECore"),
        // Source spans, diagnostics and their renderers (text, JSON, SARIF, GitHub).
        .target(name: "IKEDiagnostics"),
        // YAML with spans, the v1 policy language and its type checker.
        .target(name: "IKEPolicy", dependencies: ["CYAML", "IKECore", "IKEDiagnostics"]),
        // Lint rules and profiles over a checked policy.
        .target(
            name: "IKELint", dependencies: ["IKEPolicy", "IKECrypto", "IKECore", "IKEDiagnostics"]),
        // The only importer of libcrypto.
        .target(name: "IKECrypto", dependencies: ["CCryptoShim", "IKECore"]),
        // IKEv2 and IKEv1 (ISAKMP) message and payload codecs.
        .target(name: "IKEWire", dependencies: ["IKECore"]),
        // Sans-I/O initiator and responder state machines, ESP and AH.
        .target(name: "IKEEngine", dependencies: ["IKEWire", "IKECrypto", "IKECore"]),
        // UDP sockets, retransmission, NAT traversal and ESP-in-UDP beside the engine.
        .target(name: "IKETransport", dependencies: ["IKEEngine", "IKEWire", "IKECore"]),
        // pcap files and Wireshark key tables.
        .target(name: "IKECapture", dependencies: ["IKEEngine", "IKEWire", "IKECore"]),
        // Policy to plan, pairing, matrices and dry runs.
        .target(
            name: "IKEPlan",
            dependencies: [
                "IKEPolicy", "IKELint", "IKEEngine", "IKECrypto", "IKEWire", "IKECapture",
                "IKECore", "IKEDiagnostics",
            ]),
        // A checked policy as a real daemon's configuration (swanctl, libreswan).
        .target(name: "IKEExport", dependencies: ["IKEPolicy", "IKECore", "IKEDiagnostics"]),
        // The command line: arguments, output formats, exit codes.
        .target(
            name: "IKECLI",
            dependencies: [
                "IKEPolicy", "IKELint", "IKEPlan", "IKEExport", "IKETransport", "IKECapture",
                "IKEEngine", "IKECrypto", "IKEDiagnostics", "IKECore",
            ]),
        .executableTarget(name: "ikec", dependencies: ["IKECLI"]),
        .executableTarget(
            name: "ikec-bench",
            dependencies: [
                "IKEPolicy", "IKELint", "IKEPlan", "IKEEngine", "IKEWire", "IKECrypto", "IKECore",
            ]),

        .testTarget(name: "IKECoreTests", dependencies: ["IKECore"]),
        .testTarget(name: "IKEDiagnosticsTests", dependencies: ["IKEDiagnostics"]),
        .testTarget(
            name: "IKEPolicyTests", dependencies: ["IKEPolicy", "IKEDiagnostics", "IKECore"],
            exclude: ["Fixtures"]),
        .testTarget(
            name: "IKELintTests",
            dependencies: ["IKELint", "IKEPolicy", "IKEDiagnostics", "IKECore"],
            exclude: ["Fixtures"]),
        .testTarget(
            name: "IKECryptoTests", dependencies: ["IKECrypto", "IKECore"], exclude: ["Fixtures"]),
        .testTarget(
            name: "IKEWireTests", dependencies: ["IKEWire", "IKECore"], exclude: ["Fixtures"]),
        .testTarget(
            name: "IKEEngineTests", dependencies: ["IKEEngine", "IKEWire", "IKECrypto", "IKECore"],
            exclude: ["Fixtures"]),
        .testTarget(
            name: "IKEPlanTests",
            dependencies: ["IKEPlan", "IKEPolicy", "IKEEngine", "IKEDiagnostics", "IKECore"],
            exclude: ["Fixtures"]),
        .testTarget(
            name: "IKEExportTests",
            dependencies: ["IKEExport", "IKEPolicy", "IKEDiagnostics", "IKECore"],
            exclude: ["Fixtures"]),
        .testTarget(
            name: "IKECLITests", dependencies: ["IKECLI", "IKEDiagnostics", "IKECore"],
            exclude: ["Fixtures"]),
        .testTarget(
            name: "IKETransportTests",
            dependencies: ["IKETransport", "IKEEngine", "IKECrypto", "IKECore"],
            exclude: ["Fixtures"]),
        .testTarget(
            name: "IKEInteropTests",
            dependencies: [
                "IKETransport", "IKEPlan", "IKEExport", "IKECapture", "IKEEngine", "IKEPolicy",
                "IKECrypto", "IKECore",
            ],
            exclude: ["Fixtures"]),
        .testTarget(
            name: "IKECaptureTests",
            dependencies: ["IKECapture", "IKEEngine", "IKECrypto", "IKECore"],
            exclude: ["Fixtures"]),
    ]
)
