// The IKETransport module; see the target's comment in Package.swift for its job.
