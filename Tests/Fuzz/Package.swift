// swift-tools-version:6.0
// libFuzzer harnesses for ikec's parsers of untrusted bytes: IKE messages and payload
// chains, policy files, certificates and keys, and responder sessions fed hostile
// datagrams. Built apart from the main package because every target of a fuzzing build is
// instrumented; see README.md beside this file for how to build and run them.
import PackageDescription

// gold, the default linker here, fails with an internal error on instrumented objects.
let lld: [LinkerSetting] = [.unsafeFlags(["-use-ld=lld"])]

let package = Package(
    name: "ikec-fuzz",
    dependencies: [.package(name: "ikec", path: "../..")],
    targets: [
        .target(name: "FuzzSupport"),
        .target(
            name: "FuzzPeers",
            dependencies: [
                .product(name: "IKEEngine", package: "ikec"),
                .product(name: "IKECore", package: "ikec"),
            ]),
        .executableTarget(
            name: "fuzz-wire",
            dependencies: ["FuzzSupport", .product(name: "IKEWire", package: "ikec")],
            linkerSettings: lld),
        .executableTarget(
            name: "fuzz-policy",
            dependencies: [
                "FuzzSupport", .product(name: "IKEPolicy", package: "ikec"),
                .product(name: "IKELint", package: "ikec"),
            ], linkerSettings: lld),
        .executableTarget(
            name: "fuzz-x509",
            dependencies: ["FuzzSupport", .product(name: "IKECrypto", package: "ikec")],
            linkerSettings: lld),
        .executableTarget(
            name: "fuzz-session",
            dependencies: [
                "FuzzSupport", "FuzzPeers", .product(name: "IKEEngine", package: "ikec"),
                .product(name: "IKECrypto", package: "ikec"),
                .product(name: "IKECore", package: "ikec"),
            ], linkerSettings: lld),
        .executableTarget(
            name: "fuzz-auth",
            dependencies: [
                "FuzzSupport", "FuzzPeers", .product(name: "IKEEngine", package: "ikec"),
                .product(name: "IKECrypto", package: "ikec"),
                .product(name: "IKECore", package: "ikec"),
                .product(name: "IKEWire", package: "ikec"),
            ], linkerSettings: lld),
    ]
)
