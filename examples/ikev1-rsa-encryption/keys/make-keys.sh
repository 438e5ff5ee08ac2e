#!/usr/bin/env bash
# Remakes the RSA key pairs of the IKEv1 public key encryption examples (RFC 2409 sections
# 5.2 and 5.3): each end encrypts its nonce and identity to the other's public key, so both
# need a key pair and the other's public key before the exchange. Demonstration keys only.
set -euo pipefail
cd "$(dirname "$0")"
for end in hq partner; do
    openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:3072 -out "$end.key" 2>/dev/null
    openssl pkey -in "$end.key" -pubout -out "$end.pub"
    chmod 600 "$end.key"
done
