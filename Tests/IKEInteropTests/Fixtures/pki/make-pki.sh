#!/usr/bin/env bash
# Makes the test PKI of the interop suite: an ECDSA CA (P-384) and an RSA CA (3072 bits),
# each with one leaf for ikec and one for the peer daemon, whose subjectAltNames are the
# identities the interop policies use. Test material only: the private keys are
# committed and protect nothing. Run it again to renew (valid 20 years).
set -euo pipefail
cd "$(dirname "$0")"

days=7300

# ca NAME ALGORITHM-OPTIONS... : a self-signed CA.
ca() {
    local name=$1
    shift
    openssl genpkey "$@" -out "$name.key"
    openssl req -x509 -new -key "$name.key" -sha256 -days "$days" \
        -subj "/O=ikec interop/CN=ikec interop $name" \
        -addext "basicConstraints=critical,CA:TRUE" \
        -addext "keyUsage=critical,keyCertSign,cRLSign" -out "$name.crt"
}

# leaf CA NAME HOST ALGORITHM-OPTIONS... : a key and a certificate for HOST signed by CA.
leaf() {
    local ca=$1 name=$2 host=$3
    shift 3
    openssl genpkey "$@" -out "$name.key"
    openssl req -new -key "$name.key" -subj "/O=ikec interop/CN=$host" -out "$name.csr"
    printf '%s\n' \
        "basicConstraints=critical,CA:FALSE" \
        "keyUsage=critical,digitalSignature" \
        "subjectAltName=DNS:$host" >"$name.ext"
    openssl x509 -req -in "$name.csr" -CA "$ca.crt" -CAkey "$ca.key" -CAcreateserial \
        -sha256 -days "$days" -extfile "$name.ext" -out "$name.crt"
    rm -f "$name.csr" "$name.ext"
}

# subca CA NAME ALGORITHM-OPTIONS... : an intermediate CA signed by CA.
subca() {
    local ca=$1 name=$2
    shift 2
    openssl genpkey "$@" -out "$name.key"
    openssl req -new -key "$name.key" -subj "/O=ikec interop/CN=ikec interop $name" \
        -out "$name.csr"
    printf '%s\n' "basicConstraints=critical,CA:TRUE,pathlen:0" \
        "keyUsage=critical,keyCertSign,cRLSign" >"$name.ext"
    openssl x509 -req -in "$name.csr" -CA "$ca.crt" -CAkey "$ca.key" -CAcreateserial \
        -sha256 -days "$days" -extfile "$name.ext" -out "$name.crt"
    rm -f "$name.csr" "$name.ext"
}

ca ecdsa-ca -algorithm EC -pkeyopt ec_paramgen_curve:P-384
leaf ecdsa-ca ikec-ecdsa ikec.interop.example -algorithm EC -pkeyopt ec_paramgen_curve:P-256
leaf ecdsa-ca peer-ecdsa peer.interop.example -algorithm EC -pkeyopt ec_paramgen_curve:P-256

ca rsa-ca -algorithm RSA -pkeyopt rsa_keygen_bits:3072
leaf rsa-ca ikec-rsa ikec.interop.example -algorithm RSA -pkeyopt rsa_keygen_bits:3072
leaf rsa-ca peer-rsa peer.interop.example -algorithm RSA -pkeyopt rsa_keygen_bits:3072

# Leaves under an intermediate CA, each in a file with its chain (leaf first): the chain
# case checks that both ends send the intermediate and trust only the root.
subca ecdsa-ca ecdsa-sub-ca -algorithm EC -pkeyopt ec_paramgen_curve:P-384
for side in ikec peer; do
    leaf ecdsa-sub-ca "$side-ecdsa-sub" "$side.interop.example" \
        -algorithm EC -pkeyopt ec_paramgen_curve:P-256
    cat "$side-ecdsa-sub.crt" ecdsa-sub-ca.crt >"$side-ecdsa-chain.crt"
    rm -f "$side-ecdsa-sub.crt"
done

rm -f ./*.srl
chmod 600 ./*.key
