#!/bin/sh
# Makes the small test PKI of IKECryptoTests with the openssl command line. Run it from this
# folder; it rewrites every file here. The tests validate at the time in validation-time.txt
# (30 days after the certificates were made), so results do not depend on the clock.
#
#   ca            RSA-2048 root, traditional PEM key
#   intermediate  P-384 CA signed by ca
#   leaf-rsa      RSA-2048 (PKCS#8) signed by intermediate; SANs for hq.example.net
#   leaf-ec256    P-256 signed by ca; leaf-ec384, leaf-ec521 keys and certificates likewise
#   leaf-ed25519  Ed25519 signed by ca; leaf-ed448 likewise
#   expired       P-256 signed by ca, valid for one day only (expired at validation time)
#   rogue-ca      a second root that the tests never trust; untrusted is signed by it
#   encrypted.key an RSA key under a passphrase, which ikec must refuse to load
set -eu
days=3650
now=$(date -u +%s)
echo $((now + 30 * 86400)) > validation-time.txt

ext() { printf '%s\n' "$@" > ext.cnf; }

openssl genrsa -traditional -out ca.key 2048 2>/dev/null
openssl req -x509 -new -key ca.key -sha256 -days $days -subj "/C=CH/O=Example/CN=Example Root CA" \
    -addext "basicConstraints=critical,CA:true" -addext "keyUsage=critical,keyCertSign,cRLSign" \
    -out ca.crt

openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-384 -out intermediate.key
openssl req -new -key intermediate.key -subj "/C=CH/O=Example/CN=Example Intermediate CA" \
    -out intermediate.csr
ext "basicConstraints=critical,CA:true" "keyUsage=critical,keyCertSign,cRLSign"
openssl x509 -req -in intermediate.csr -CA ca.crt -CAkey ca.key -CAcreateserial -sha256 \
    -days $days -extfile ext.cnf -out intermediate.crt

leaf() { # name issuer-cert issuer-key subject days
    openssl req -new -key "$1.key" -subj "$4" -out "$1.csr"
    ext "basicConstraints=CA:false" "keyUsage=digitalSignature,keyEncipherment" \
        "subjectAltName=DNS:hq.example.net,email:admin@example.net,IP:198.51.100.1,IP:2001:db8::1"
    openssl x509 -req -in "$1.csr" -CA "$2" -CAkey "$3" -CAcreateserial -sha256 -days "$5" \
        -extfile ext.cnf -out "$1.crt"
}

openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out leaf-rsa.key 2>/dev/null
leaf leaf-rsa intermediate.crt intermediate.key "/C=CH/O=Example/CN=hq.example.net" $days
for curve in 256 384 521; do
    openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-$curve -out leaf-ec$curve.key
    leaf leaf-ec$curve ca.crt ca.key "/C=CH/O=Example/CN=ec$curve.example.net" $days
done
for kind in ed25519 ed448; do
    openssl genpkey -algorithm $kind -out leaf-$kind.key
    leaf leaf-$kind ca.crt ca.key "/C=CH/O=Example/CN=$kind.example.net" $days
done
openssl ecparam -name prime256v1 -genkey -noout -out leaf-ec256-traditional.key

openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out expired.key
leaf expired ca.crt ca.key "/C=CH/O=Example/CN=expired.example.net" 1

openssl genrsa -traditional -out rogue-ca.key 2048 2>/dev/null
openssl req -x509 -new -key rogue-ca.key -sha256 -days $days \
    -subj "/C=CH/O=Example/CN=Example Root CA" \
    -addext "basicConstraints=critical,CA:true" -addext "keyUsage=critical,keyCertSign" \
    -out rogue-ca.crt
openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out untrusted.key
leaf untrusted rogue-ca.crt rogue-ca.key "/C=CH/O=Example/CN=hq.example.net" $days

openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -aes256 -pass pass:fixture \
    -out encrypted.key 2>/dev/null

openssl pkey -in leaf-rsa.key -pubout -out leaf-rsa.pub

# Values the tests compare with, computed here by the openssl command line: certificate and
# SubjectPublicKeyInfo SHA-1 hashes, and deterministic RSA PKCS#1 v1.5 signatures (with a
# DigestInfo over SHA-256, and raw over 36 octets as IKEv1 signs HASH_I).
printf 'ikec known-answer message' > message.bin
printf '0123456789abcdef0123456789abcdef0123' > hash36.bin
{
    echo "leaf-rsa-sha1: $(openssl x509 -in leaf-rsa.crt -outform DER | sha1sum | cut -d' ' -f1)"
    echo "ca-spki-sha1: $(openssl x509 -in ca.crt -pubkey -noout | openssl pkey -pubin \
        -outform DER | sha1sum | cut -d' ' -f1)"
    echo "leaf-rsa-not-before-text: $(date -u +%s -d "$(openssl x509 -in leaf-rsa.crt -noout \
        -startdate | cut -d= -f2)")"
    echo "rsa-pkcs1-sha256: $(openssl dgst -sha256 -sign leaf-rsa.key message.bin | xxd -p | tr -d '\n')"
    echo "rsa-pkcs1-raw: $(openssl pkeyutl -sign -inkey leaf-rsa.key -pkeyopt rsa_padding_mode:pkcs1 \
        -in hash36.bin | xxd -p | tr -d '\n')"
} > expected.txt
rm -f ./*.csr ./*.srl ext.cnf
