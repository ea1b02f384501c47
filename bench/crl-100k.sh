#!/usr/bin/env bash
# Time to build and sign a CRL of N revoked entries (issue 9: 100,000 in at most 2 s), through the server: the
# project's own path (CrlPublisher: the revoked certificates read through JPA, X509v2CRLBuilder, signed by the
# root's custody) is an EJB with an EntityManager, not reachable without the server.
#   1. fresh PostgreSQL database (the bench's private cluster), server started, bench device (bench/lib.sh)
#   2. bench/fill.sh --revoked: N synthetic revoked certificates for the RSA root and N for the ECC root
#   3. per root: GET /enos/CA/crl/{RSA|ECC} timed (first: the CRL is signed), checked (openssl: N entries, the
#      signature verifies with the root); one real certificate applied and revoked through the API, GET timed again
#      (signed anew, N+1 entries, warm code); GET once more (the signed CRL is reused: the cached time)
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
for a in RSA ECC; do
  "$BENCH/fill.sh" --revoked --authority "$a" "$N" | grep '^FILL' | while IFS= read -r l; do say "$l"; done
done

get_crl() {  # AUTHORITY FILE -> seconds
  curl -s -o "$2" -w '%{time_total}' "$B/enos/CA/crl/$1"
}
for a in RSA ECC; do
  alg=$(tr 'A-Z' 'a-z' <<<"$a")
  curl -s "$B/enos/CA/cacert/$a" > "$WORK/root-$alg.pem"
  first=$(get_crl "$a" "$WORK/crl-$alg.der")
  entries=$(openssl crl -inform DER -in "$WORK/crl-$alg.der" -noout -text | grep -c 'Serial Number:' || true)
  openssl crl -inform DER -in "$WORK/crl-$alg.der" -CAfile "$WORK/root-$alg.pem" -noout 2>&1 | grep -q 'verify OK' \
    || die "the $a CRL does not verify with its root"
  [ "$entries" -ge "$N" ] || die "the $a CRL has $entries entries, not $N"
  # one more revocation through the API: the next request signs a new CRL
  enos_token
  sn=$(curl -s -H "Authorization: $AUTH" "$URL" -H 'Content-Type: application/json' -d @"$WORK/$alg.json" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["data"]["certSn"])')
  REVOKE_URL=${URL/action=apply/action=revoke}
  curl -s -H "Authorization: $AUTH" "$REVOKE_URL" -H 'Content-Type: application/json' -d "{\"certSn\":$sn,\"reason\":1}" \
    | grep -q '"code":0' || die "revoke failed"
  resign=$(get_crl "$a" "$WORK/crl2-$alg.der")
  entries2=$(openssl crl -inform DER -in "$WORK/crl2-$alg.der" -noout -text | grep -c 'Serial Number:' || true)
  [ "$entries2" -eq $((entries + 1)) ] || die "the re-signed $a CRL has $entries2 entries, not $((entries + 1))"
  cached=$(get_crl "$a" "$WORK/crl3-$alg.der")
  say "CRL authority=$a entries=$entries first_s=$(printf '%.3f' "$first") resign_s=$(printf '%.3f' "$resign") resign_entries=$entries2 cached_s=$(printf '%.3f' "$cached") bytes=$(stat -c %s "$WORK/crl-$alg.der") verified=yes target_s=2"
done
server_stop
pg_down
say ""
python3 "$BENCH/summary.py" "$LINES_FILE" | tee "$OUT/summary.md"
say "results: $OUT"
