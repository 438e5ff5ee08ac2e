#!/usr/bin/env bash
# Makes the demo PKI the example policies use: one CA (ECDSA P-384) and four leaf
# certificates whose subjectAltNames match the example identities. For examples and tests
# only: the private keys are committed and protect nothing.
set -euo pipefail
cd "$(dirname "$0")"

days=3650
ca_subject="/C=CH/O=ikec examples/CN=ikec demo CA"

# The CA.
openssl ecparam -name secp384r1 -genkey -noout -out ca.key
openssl req -x509 -new -key ca.key -sha384 -days "$days" -subj "$ca_subject" \
    -addext "basicConstraints=critical,CA:TRUE" \
    -addext "keyUsage=critical,keyCertSign,cRLSign" -out ca.crt

# leaf NAME KEY-ALGORITHM-OPTIONS... : a key, a CSR and a certificate for NAME.example.net.
leaf() {
    local name=$1
    shift
    openssl genpkey "$@" -out "$name.key"
    openssl req -new -key "$name.key" -subj "/C=CH/O=ikec examples/CN=$name.example.net" \
        -out "$name.csr"
    printf '%s\n' \
        "basicConstraints=critical,CA:FALSE" \
        "keyUsage=critical,digitalSignature" \
        "subjectAltName=DNS:$name.example.net" >"$name.ext"
    openssl x509 -req -in "$name.csr" -CA ca.crt -CAkey ca.key -CAcreateserial -sha384 \
        -days "$days" -extfile "$name.ext" -out "$name.crt"
    openssl pkey -in "$name.key" -pubout -out "$name.pub"
    rm -f "$name.csr" "$name.ext"
}

leaf hq -algorithm EC -pkeyopt ec_paramgen_curve:P-256
leaf branch -algorithm RSA -pkeyopt rsa_keygen_bits:3072
leaf cnsa-hq -algorithm EC -pkeyopt ec_paramgen_curve:P-384
leaf cnsa-branch -algorithm EC -pkeyopt ec_paramgen_curve:P-384
rm -f ca.srl
chmod 600 ./*.key
