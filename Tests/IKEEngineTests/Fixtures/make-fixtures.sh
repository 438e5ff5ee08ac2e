#!/bin/sh
# Makes the engine tests' certificates and keys with the openssl CLI. Run from this
# folder; it overwrites the files. The certificates are valid for 100 years from the day
# they are made; the tests validate them at 2030-01-01, so regenerate before then if a
# file is lost, never after.
set -eu

ext() {
    printf 'basicConstraints=critical,CA:FALSE\nkeyUsage=digitalSignature\nsubjectAltName=%s\n' "$1"
}

ca() { # name keyoptions...
    name=$1; shift
    openssl genpkey "$@" -out "$name.key" 2>/dev/null
    openssl req -x509 -new -key "$name.key" -subj "/C=CH/O=ikec tests/CN=$name" -days 36500 \
        -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=keyCertSign,cRLSign" \
        -out "$name.pem"
}

leaf() { # name ca san keyoptions...
    name=$1; issuer=$2; san=$3; shift 3
    openssl genpkey "$@" -out "$name.key" 2>/dev/null
    openssl req -new -key "$name.key" -subj "/C=CH/O=ikec tests/CN=$name" -out "$name.csr"
    ext "$san" > "$name.ext"
    openssl x509 -req -in "$name.csr" -CA "$issuer.pem" -CAkey "$issuer.key" -CAcreateserial \
        -days 36500 -extfile "$name.ext" -out "$name.pem" 2>/dev/null
    rm -f "$name.csr" "$name.ext"
}

EC="-algorithm EC -pkeyopt ec_paramgen_curve:P-256"
RSA="-algorithm RSA -pkeyopt rsa_keygen_bits:3072"

ca ca-ecdsa $EC
leaf hq-ecdsa ca-ecdsa "DNS:hq.example.net" $EC
leaf branch-ecdsa ca-ecdsa "DNS:branch.example.net" $EC

ca ca-rsa $RSA
leaf hq-rsa ca-rsa "DNS:hq.example.net" $RSA
leaf branch-rsa ca-rsa "DNS:branch.example.net" $RSA

ca rogue-ca $EC
leaf rogue-branch rogue-ca "DNS:branch.example.net" $EC
rm -f ./*.srl
