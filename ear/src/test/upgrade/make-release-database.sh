#!/usr/bin/env bash
# Makes the database of an earlier release that UpgradeIT upgrades: builds <ref> (default: the last release before the
# PKI hierarchy) in a temporary worktree, lets its build create and bootstrap its test server once (mvn post-integration-test with no
# integration test: the server starts on 9080/9443 and stops), starts that server again on 9380/9743, issues RSA and
# ECC certificates through its EnOS API and revokes one, stops it, and zips its data directory (the Derby database with
# the CA keystore, the keystore password, the bootstrap credentials) with a manifest of what it issued.
#   ear/src/test/upgrade/make-release-database.sh [REF]   (on a shared machine: under flock /tmp/certgate-build.lock)
#   RELEASE_DIR=/some/dir keeps the release's worktree and build there (e.g. to benchmark it afterwards)
set -euo pipefail
REF=${1:-8bce826}
TOP=$(cd "$(dirname "$0")/../../../.." && pwd)
OUT=$TOP/ear/src/test/resources/upgrade/release-database.zip
WORK=$(mktemp -d)
RELEASE=${RELEASE_DIR:-$WORK/release}
[ -n "${RELEASE_DIR:-}" ] || trap 'cd "$TOP"; git worktree remove --force "$RELEASE" >/dev/null 2>&1 || true' EXIT
git -C "$TOP" worktree add --detach "$RELEASE" "$REF" >/dev/null
cd "$RELEASE"
mvn -q -o post-integration-test -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=NoIntegrationTest \
  -Dfailsafe.failIfNoSpecifiedTests=false -Dit.failIfNoSpecifiedTests=false
SERVER=ear/target/liberty/wlp/usr/servers/certgate
printf '\nHTTP_PORT=9380\nHTTPS_PORT=9743\n' >> "$SERVER/server.env"
ear/target/liberty/wlp/bin/server start certgate >/dev/null
B=http://localhost:9380
for _ in $(seq 1 120); do curl -sf "$B/health/ready" >/dev/null && break; sleep 1; done
. "$SERVER/certgate-data/bootstrap/enos-service-account.properties"
TS=$(date +%s%3N)
ENC=$(printf '%s' "$appKey$TS$appSecret" | sha256sum | cut -d' ' -f1)
TOKEN=$(curl -s "$B/apim-token-service/v2.0/token/get" -H 'Content-Type: application/json' \
  -d "{\"appKey\":\"$appKey\",\"encryption\":\"$ENC\",\"timestamp\":$TS}" | sed -E 's/.*"accessToken":"([^"]+)".*/\1/')
AUTH="Authorization: Bearer $TOKEN"
PK=$(curl -s -H "$AUTH" "$B/connect-service/v2.1/products?action=create&orgId=$orgId" -H 'Content-Type: application/json' \
  -d '{"productName":{"defaultValue":"release meter"},"biDirectionalAuth":true}' | sed -E 's/.*"data":"([^"]+)".*/\1/')
curl -s -H "$AUTH" "$B/connect-service/v2.1/devices?action=create&orgId=$orgId" -H 'Content-Type: application/json' \
  -d "{\"productKey\":\"$PK\",\"deviceKey\":\"release-1\",\"deviceName\":{\"defaultValue\":\"Release 1\"}}" >/dev/null
DEV="orgId=$orgId&productKey=$PK&deviceKey=release-1"
apply() { # subject, authority, key options -> certSN
  openssl req -new $3 -nodes -keyout "$WORK/k.pem" -subj "$1" -out "$WORK/r.csr" 2>/dev/null
  curl -s -H "$AUTH" "$B/connect-service/v2.0/certificates?action=apply&$DEV" -H 'Content-Type: application/json' \
    -d "{\"csr\":\"$(awk '{printf "%s\\n", $0}' "$WORK/r.csr")\",\"issueAuthority\":\"$2\"}" \
    | sed -E 's/.*"certSN":"([0-9]+)".*/\1/'
}
KEPT=$(apply "/CN=release-kept" RSA "-newkey rsa:2048")
ECC=$(apply "/CN=release-ecc" ECC "-newkey ec -pkeyopt ec_paramgen_curve:prime256v1")
GONE=$(apply "/CN=release-revoked" RSA "-newkey rsa:2048")
curl -s -H "$AUTH" "$B/connect-service/v2.0/certificates?action=revoke&$DEV" -H 'Content-Type: application/json' \
  -d "{\"certSn\":$GONE,\"reason\":1}" >/dev/null
ear/target/liberty/wlp/bin/server stop certgate >/dev/null
printf 'ref=%s\norgId=%s\nproductKey=%s\ndeviceKey=release-1\nkept=%s\necc=%s\nrevoked=%s\n' \
  "$(git rev-parse HEAD)" "$orgId" "$PK" "$KEPT" "$ECC" "$GONE" > "$SERVER/certgate-data/release.properties"
mkdir -p "$(dirname "$OUT")"
rm -f "$OUT"
(cd "$SERVER" && zip -qr "$OUT" certgate-data -x 'certgate-data/derby/tmp/*')
echo "wrote $OUT ($(du -h "$OUT" | cut -f1)): $(tr '\n' ' ' < "$SERVER/certgate-data/release.properties")"
