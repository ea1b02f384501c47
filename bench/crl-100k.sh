#!/usr/bin/env bash
# Time to build and sign a CRL of N revoked entries (issue 9: 100,000 in at most 2 s), through the server: the
# project's own path (CrlPublisher: the revoked certificates read through JPA, X509v2CRLBuilder, signed by the
# root's custody) is an EJB with an EntityManager, not reachable without the server.
#   1. fresh PostgreSQL database (the bench's private cluster), server started, bench device (bench/lib.sh)
#   2. per algorithm: one certificate applied through the API (its organization's issuing CA is made on first use),
#      bench/fill.sh --revoked --issuing-ca: N synthetic revoked certificates of that issuing CA
#   3. GET /enos/CA/ca/{id}/crl timed (first: the CRL is signed), checked (openssl: N entries, the signature verifies
#      with the issuing CA's chain); the applied certificate revoked through the API, GET timed again (signed
#      anew, N+1 entries, warm code); GET once more (the signed CRL is reused: the cached time)
# usage: bench/crl-100k.sh [N]        (default 100000)
# prints: CRL authority=RSA entries=N first_s=.. resign_s=.. cached_s=.. bytes=.. verified=yes
set -euo pipefail
DB=postgresql
. "$(dirname "$0")/lib.sh"
N=${1:-100000}
need curl openssl bc python3 psql
results_dir crl

say "RUN script=crl-100k $(machine_line)"
say "RUN db=$DB $(build_identity)"
say "RUN java=\"$(java_line)\""
server_prepare
pg_up
say "RUN postgresql=\"$(pg_version)\""
server_start
say "RUN $(server_jvm_line)"
enos_setup
get_crl() {  # URL FILE -> seconds
  curl -s -o "$2" -w '%{time_total}' "$1"
}
apply_one() {  # alg -> certSn of a new certificate of the bench device
  enos_token
  curl -s -H "Authorization: $AUTH" "$URL" -H 'Content-Type: application/json' -d @"$WORK/$1.json" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["data"]["certSn"])'
}
for a in RSA ECC; do
  alg=$(tr 'A-Z' 'a-z' <<<"$a")
  # a leaf is signed by the organization's issuing CA (made on first use), so its CRL is the one that grows: one
  # apply makes sure the CA exists, the N synthetic revoked rows are its leaves, and revoking that apply's
  # certificate afterwards makes the next request sign the CRL anew with N+1 entries
  sn=$(apply_one "$alg")
  "$BENCH/fill.sh" --revoked --issuing-ca --authority "$a" "$N" | grep '^FILL' | while IFS= read -r l; do say "$l"; done
  ca=$(bpsql -c "SELECT issuing_ca_id FROM cg_certificate WHERE cert_sn = $sn")
  [ -n "$ca" ] || die "certSn $sn names no issuing CA"
  curl -s "$B/enos/CA/ca/$ca/chain" > "$WORK/ca-$alg.pem"  # PEM: the issuing CA, then its root
  first=$(get_crl "$B/enos/CA/ca/$ca/crl" "$WORK/crl-$alg.der")
  entries=$(openssl crl -inform DER -in "$WORK/crl-$alg.der" -noout -text | grep -c 'Serial Number:' || true)
  openssl crl -inform DER -in "$WORK/crl-$alg.der" -CAfile "$WORK/ca-$alg.pem" -noout 2>&1 | grep -q 'verify OK' \
    || die "the $a issuing CA's CRL does not verify with its chain"
  [ "$entries" -ge "$N" ] || die "the $a CRL has $entries entries, not $N"
  enos_token
  REVOKE_URL=${URL/action=apply/action=revoke}
  curl -s -H "Authorization: $AUTH" "$REVOKE_URL" -H 'Content-Type: application/json' -d "{\"certSn\":$sn,\"reason\":1}" \
    | grep -q '"code":0' || die "revoke failed"
  resign=$(get_crl "$B/enos/CA/ca/$ca/crl" "$WORK/crl2-$alg.der")
  entries2=$(openssl crl -inform DER -in "$WORK/crl2-$alg.der" -noout -text | grep -c 'Serial Number:' || true)
  [ "$entries2" -eq $((entries + 1)) ] || die "the re-signed $a CRL has $entries2 entries, not $((entries + 1))"
  cached=$(get_crl "$B/enos/CA/ca/$ca/crl" "$WORK/crl3-$alg.der")
  say "CRL authority=$a issuing_ca=$ca entries=$entries first_s=$(printf '%.3f' "$first") resign_s=$(printf '%.3f' "$resign") resign_entries=$entries2 cached_s=$(printf '%.3f' "$cached") bytes=$(stat -c %s "$WORK/crl-$alg.der") verified=yes target_s=2"
done
server_stop
pg_down
say ""
python3 "$BENCH/summary.py" "$LINES_FILE" | tee "$OUT/summary.md"
say "results: $OUT"
