#!/usr/bin/env bash
# Benchmark: EnOS apply (sign + persist + bind) against a running dev server, beside the anchors of
# ../shared/notes/performance.md measured in the same run (openssl speed; cfssl serve when installed).
# usage: bench/run.sh [SECONDS]   (server from: mvn -pl ear liberty:run; needs wrk, openssl, optionally cfssl)
set -euo pipefail
D=${1:-10}
HERE=$(cd "$(dirname "$0")" && pwd)
TOP=$(cd "$HERE/.." && pwd)
CSRS=${CSRS:-$TOP/../shared/bench}
B=http://127.0.0.1:9080
S=$TOP/ear/target/liberty/wlp/usr/servers/certgate/certgate-data/bootstrap
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"; [ -n "${CFSSL_PID:-}" ] && kill $CFSSL_PID 2>/dev/null; true' EXIT

. "$S/enos-service-account.properties"
TS=$(date +%s%3N)
ENC=$(printf '%s' "$appKey$TS$appSecret" | sha256sum | cut -d' ' -f1)
TOKEN=$(curl -s "$B/apim-token-service/v2.0/token/get" -H 'Content-Type: application/json' \
  -d "{\"appKey\":\"$appKey\",\"encryption\":\"$ENC\",\"timestamp\":$TS}" | sed -E 's/.*"accessToken":"([^"]+)".*/\1/')
export AUTH="Bearer $TOKEN"
PK=$(curl -s -H "Authorization: $AUTH" "$B/connect-service/v2.1/products?action=create&orgId=$orgId" \
  -H 'Content-Type: application/json' -d '{"productName":"bench","biDirectionalAuth":true}' | sed -E 's/.*"data":"([^"]+)".*/\1/')
curl -s -H "Authorization: $AUTH" "$B/connect-service/v2.1/devices?action=create&orgId=$orgId" \
  -H 'Content-Type: application/json' -d "{\"productKey\":\"$PK\",\"deviceKey\":\"bench-1\",\"deviceName\":\"b\"}" >/dev/null
URL="$B/connect-service/v2.0/certificates?action=apply&orgId=$orgId&productKey=$PK&deviceKey=bench-1"
# fresh keys each run: one public key is bound to one device, and each run makes a new device
openssl req -new -newkey rsa:2048 -nodes -keyout "$WORK/rsa.key" -subj "/CN=bench-rsa" -out "$WORK/rsa.csr" 2>/dev/null
openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -keyout "$WORK/ecc.key" \
  -subj "/CN=bench-ecc" -out "$WORK/ecc.csr" 2>/dev/null
python3 - "$CSRS" "$WORK" <<'PY'
import json, sys
src, out = sys.argv[1], sys.argv[2]
json.dump({"csr": open(out + "/rsa.csr").read()}, open(out + "/rsa.json", "w"))
json.dump({"csr": open(out + "/ecc.csr").read(), "issueAuthority": "ECC"}, open(out + "/ecc.json", "w"))
json.dump({"certificate_request": open(src + "/rsa2048.csr").read()}, open(out + "/cfssl-rsa.json", "w"))
json.dump({"certificate_request": open(src + "/ecp256.csr").read()}, open(out + "/cfssl-ecc.json", "w"))
PY

echo "== anchors: openssl speed (sign/s, 1 process)"
openssl speed -seconds 3 rsa2048 2>/dev/null | awk '/^rsa 2048/ {print "openssl RSA-2048 sign/s=" $6}'
openssl speed -seconds 3 ecdsap256 2>/dev/null | awk '/256 bits ecdsa/ {print "openssl P-256 sign/s=" $7}'

export EXPECT_BODY='"code":0'
for alg in rsa ecc; do  # JIT warm-up, not reported
  wrk -t1 -c8 -d"${D}s" --timeout 10s -s "$HERE/post-auth.lua" "$URL" -- "$WORK/$alg.json" >/dev/null
done
for alg in rsa ecc; do
  for c in 1 8 32; do
    curl -s -H "Authorization: $AUTH" "$URL" -H 'Content-Type: application/json' -d @"$WORK/$alg.json" >/dev/null  # warm
    printf 'certgate %s c=%s ' "$alg" "$c"
    wrk -t1 -c"$c" -d"${D}s" --timeout 10s --latency -s "$HERE/post-auth.lua" "$URL" -- "$WORK/$alg.json" | grep '^RESULT'
  done
done
curl -s -H "Authorization: $AUTH" "$URL" -H 'Content-Type: application/json' -d @"$WORK/rsa.json" | grep -q '"code":0' \
  || { echo "apply does not succeed: the figures above are not of issued certificates" >&2; exit 1; }

if command -v cfssl >/dev/null && command -v cfssljson >/dev/null; then
  for alg in rsa ecc; do
    (cd "$WORK" && if [ $alg = rsa ]; then K='{"algo":"rsa","size":2048}'; else K='{"algo":"ecdsa","size":256}'; fi
     echo "{\"CN\":\"bench $alg CA\",\"key\":$K}" | cfssl gencert -initca - 2>/dev/null | cfssljson -bare ca-$alg)
    cfssl serve -address 127.0.0.1 -port 8888 -ca "$WORK/ca-$alg.pem" -ca-key "$WORK/ca-$alg-key.pem" >/dev/null 2>&1 &
    CFSSL_PID=$!
    sleep 2
    for c in 1 8 32; do
      printf 'cfssl-no-db %s c=%s ' "$alg" "$c"
      EXPECT_BODY='"success":true' wrk -t1 -c"$c" -d"${D}s" --timeout 10s --latency -s "$HERE/post-auth.lua" \
        http://127.0.0.1:8888/api/v1/cfssl/sign -- "$WORK/cfssl-$alg.json" | grep '^RESULT'
    done
    kill $CFSSL_PID; wait $CFSSL_PID 2>/dev/null || true; CFSSL_PID=
  done
fi
