// The IKECapture module; see the target's comment in Package.swift for its job.
