#!/usr/bin/env bash
# Builds the libFuzzer harnesses of this folder and runs each for a while over seed corpora
# made from the repository: example and malformed policies, the demo PKI and test
# certificates, and the IKEv2 and IKEv1 messages of dry runs of the seed pair in Seeds/.
#
#   Tests/Fuzz/run.sh [SECONDS] [TARGET...]     targets: wire session auth policy x509
#
# SECONDS (default 60) is per target. IKEC_FUZZ_DIR keeps the corpora and any crashing
# inputs between runs (default: a new temporary folder). Exits 1 if a target crashed,
# leaving the input that did it as crash-* in that folder.
set -euo pipefail
fuzz=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$fuzz/../.." && pwd)
seconds=${1:-60}
shift || true
targets=("$@")
((${#targets[@]} > 0)) || targets=(wire session auth policy x509)
work=${IKEC_FUZZ_DIR:-$(mktemp -d)}
mkdir -p "$work"/{wire,session,auth,policy,x509}
echo "fuzzing in $work"

(cd "$fuzz" && swift build -c release -Xswiftc -sanitize=fuzzer,address)
(cd "$root" && swift build --product ikec)
bin=$(cd "$fuzz" && swift build -c release --show-bin-path)
ikec=$(cd "$root" && swift build --show-bin-path)/ikec

# Seeds.
find "$root/examples" "$root/Tests/IKEPolicyTests/Fixtures" "$root/Tests/IKELintTests" \
    -name '*.yaml' -exec cp {} "$work/policy/" \;
for file in "$root"/examples/pki/*.{crt,key} "$root"/Tests/IKEEngineTests/Fixtures/*.{pem,key}; do
    cp "$file" "$work/x509/"
    openssl x509 -in "$file" -outform DER -out "$work/x509/$(basename "$file").der" \
        2>/dev/null || true
done
for version in v1 v2; do
    "$ikec" negotiate "$fuzz/Seeds/branch-$version.yaml" "$fuzz/Seeds/hq-$version.yaml" \
        --seed fuzz --pcap "$work/$version.pcap" >/dev/null
done
python3 "$fuzz/seeds.py" "$work/wire" "$work/session" "$work/auth" 192.0.2.2 \
    "$work"/v1.pcap "$work"/v2.pcap

status=0
for target in "${targets[@]}"; do
    echo "== fuzz-$target for ${seconds}s"
    if ! "$bin/fuzz-$target" -max_total_time="$seconds" -max_len=8192 -timeout=10 \
        -rss_limit_mb=4096 -artifact_prefix="$work/crash-$target-" -print_final_stats=1 \
        "$work/$target" 2>"$work/$target.log"; then
        tail -n 40 "$work/$target.log"
        status=1
    fi
    grep -E '^(Done|stat::number_of_executed_units)' "$work/$target.log" || true
done
exit $status
