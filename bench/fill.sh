#!/usr/bin/env bash
# Fills certgate's PostgreSQL certificate store with N SYNTHETIC certificates, fast (SQL generate_series, not the
# API), for latency tests only (bench/latency-vs-size.sh, bench/crl-100k.sh). The rows are filler: nothing signed
# them, their PEM is one real-sized certificate that no certgate root issued, and they must never be in a
# database that serves anyone.
#
# usage: bench/fill.sh [--revoked] [--issuing-ca] [--authority RSA|ECC|both] N
#   --revoked    the certificates are revoked (reason KEY_COMPROMISE, revoked one day ago and after): CRL entries
#   --authority  issuing root of the rows (default both: RSA and ECC alternately)
#   --issuing-ca the rows are signed by the organization's active issuing CA of their authority (it must exist: one
#                apply makes it), so they are on that CA's CRL; without it they name no issuing CA (the root's CRL)
# The database: BENCH_PG_HOST/PORT/DB/USER/PASSWORD (bench/lib.sh; default the bench's private cluster,
# 127.0.0.1:5433 certgate_bench), which a certgate server must have started on once (its schema).
# The organization: FILL_ORG, else the organization of the first EnOS service account in the database.
#
# What one call creates, for i = 1..N, with a tag T (8 random hex digits) that keeps calls apart:
#   CG_PRODUCT       1 row: product_key 'fill-T', name 'bench filler T', Device, bi-directional authentication
#   CG_DEVICE        N rows: device_key 'fill-T-i', asset_id 'FT<i>', name 'filler' (a device per certificate)
#   CG_CERTIFICATE   N rows, bound to those devices: cert_sn from the table's identity (as certgate's own); serial
#                    number '4' + 31 hex digits of md5('T-serial-i') (127 bits, unique); subject 'CN=fill-T-i,O=bench
#                    filler'; issuer the root's subject as stored by certgate's own certificates when any, else
#                    'CN=bench filler root'; public_key_sha256 = sha256('T-key-i'); signed one day ago (+ i ms),
#                    valid 730 days; revoked per --revoked
#   CG_KEY_BINDING   N rows: each filler key bound to its filler device (as an apply binds it)
#   CG_AUDIT         N rows (2N with --revoked): actor 'bench-fill', action certificate.apply (and certificate.revoke)
# in transactions of FILL_BATCH rows (100,000), then VACUUM ANALYZE of those tables and, on the private
# cluster, a CHECKPOINT (so that neither autovacuum nor the checkpointer catches up during the next measurement).
# prints: FILL tag=T rows=N revoked=.. authority=.. seconds=.. rows_per_s=.. certificates_now=..
set -euo pipefail
. "$(dirname "$0")/lib.sh"
revoked=false
issuing=false
authority=both
while [ $# -gt 1 ]; do
  case $1 in
    --revoked) revoked=true; shift ;;
    --issuing-ca) issuing=true; shift ;;
    --authority) authority=$2; shift 2 ;;
    *) die "usage: bench/fill.sh [--revoked] [--issuing-ca] [--authority RSA|ECC|both] N" ;;
  esac
done
N=${1:?usage: bench/fill.sh [--revoked] [--issuing-ca] [--authority RSA|ECC|both] N}
[[ "$N" =~ ^[0-9]+$ ]] || die "N must be a number"
case $authority in RSA|ECC|both) ;; *) die "--authority RSA, ECC or both" ;; esac
BATCH=${FILL_BATCH:-100000}
need psql openssl
bpsql -c 'SELECT 1 FROM cg_certificate LIMIT 1' >/dev/null || die "no certgate schema in $PG_DBNAME on $PG_HOST:$PG_PORT"
ORG=${FILL_ORG:-$(bpsql -c "SELECT org_id FROM cg_api_credential WHERE kind = 'ENOS_APP' ORDER BY id LIMIT 1")}
[ -n "$ORG" ] || die "no organization: set FILL_ORG"
TAG=$(openssl rand -hex 4)
# a real-sized PEM (RSA-2048 key, ~1.1 KB like certgate's device certificates): the same text in every row
openssl req -x509 -newkey rsa:2048 -nodes -keyout /dev/null -subj "/CN=bench filler/O=bench filler" -days 730 \
  -addext "keyUsage=critical,digitalSignature,keyEncipherment" -addext "extendedKeyUsage=clientAuth" \
  -addext "crlDistributionPoints=URI:http://localhost:9080/enos/CA/crl/RSA" \
  -addext "authorityInfoAccess=OCSP;URI:http://localhost:9080/enos/CA/ocsp" -out "$WORK/filler.pem" 2>/dev/null
PEM=$(cat "$WORK/filler.pem")
ISSUER_RSA=$(bpsql -c "SELECT issuer_dn FROM cg_certificate WHERE issue_authority = 'RSA' ORDER BY cert_sn LIMIT 1")
ISSUER_ECC=$(bpsql -c "SELECT issuer_dn FROM cg_certificate WHERE issue_authority = 'ECC' ORDER BY cert_sn LIMIT 1")
ICA_RSA="" ICA_ECC=""
if $issuing; then
  issuing_ca() { bpsql -c "SELECT id || '|' || subject_dn FROM cg_issuing_ca WHERE scope = '$ORG' AND authority = '$1' AND state = 'ACTIVE' ORDER BY generation DESC LIMIT 1"; }
  for a in RSA ECC; do
    [ "$authority" = both ] || [ "$authority" = "$a" ] || continue
    row=$(issuing_ca "$a"); [ -n "$row" ] || die "no active $a issuing CA of $ORG: apply one certificate first"
    if [ "$a" = RSA ]; then ICA_RSA=${row%%|*}; ISSUER_RSA=${row#*|}; else ICA_ECC=${row%%|*}; ISSUER_ECC=${row#*|}; fi
  done
fi
t0=$(date +%s.%N)
PID=$(bpsql -v org="$ORG" -v tag="$TAG" <<'SQL'
INSERT INTO cg_product (org_id, product_key, name, product_type, bi_directional_auth, default_valid_day, max_valid_day,
                        created_at)
VALUES (:'org', 'fill-' || :'tag', 'bench filler ' || :'tag', 'Device', TRUE, 730, 1095, now() AT TIME ZONE 'UTC')
RETURNING id;
SQL
)
PID=$(head -1 <<<"$PID")
lo=1
while [ "$lo" -le "$N" ]; do
  hi=$(( lo + BATCH - 1 )); [ "$hi" -gt "$N" ] && hi=$N
  bpsql -v org="$ORG" -v tag="$TAG" -v pid="$PID" -v lo="$lo" -v hi="$hi" -v revoked="$revoked" \
        -v authority="$authority" -v pem="$PEM" -v irsa="${ISSUER_RSA:-CN=bench filler root}" \
        -v iecc="${ISSUER_ECC:-CN=bench filler root}" -v icarsa="$ICA_RSA" -v icaecc="$ICA_ECC" <<'SQL'
BEGIN;
SELECT COALESCE(MAX(cert_sn), 0) AS maxsn FROM cg_certificate \gset
CREATE TEMP TABLE fill_batch ON COMMIT DROP AS
SELECT i,
       CASE WHEN :'authority' = 'both' THEN (CASE WHEN i % 2 = 0 THEN 'RSA' ELSE 'ECC' END) ELSE :'authority' END AS authority,
       (now() AT TIME ZONE 'UTC') - interval '1 day' + (i % 86000000) * interval '1 millisecond' AS at
FROM generate_series(:lo::bigint, :hi::bigint) AS i;
INSERT INTO cg_device (org_id, product_id, device_key, asset_id, name, device_secret, created_at)
SELECT :'org', :pid, 'fill-' || :'tag' || '-' || i, 'F' || :'tag' || i, 'filler', md5(:'tag' || '-secret-' || i), at
FROM fill_batch;
INSERT INTO cg_certificate (org_id, device_id, issue_authority, serial_number, subject_dn, issuer_dn, public_key_sha256,
                            cert_pem, signed_at, not_before, not_after, revoked, revocation_reason, revoked_at,
                            issuing_ca_id)
SELECT :'org', d.id, b.authority, '4' || substr(md5(:'tag' || '-serial-' || b.i), 2),
       'CN=fill-' || :'tag' || '-' || b.i || ',O=bench filler', CASE WHEN b.authority = 'RSA' THEN :'irsa' ELSE :'iecc' END,
       encode(sha256(convert_to(:'tag' || '-key-' || b.i, 'UTF8')), 'hex'), :'pem',
       b.at, b.at - interval '1 minute', b.at + interval '730 days', :revoked,
       CASE WHEN :revoked THEN 'KEY_COMPROMISE' END, CASE WHEN :revoked THEN b.at + interval '1 hour' END,
       NULLIF(CASE WHEN b.authority = 'RSA' THEN :'icarsa' ELSE :'icaecc' END, '')::bigint
FROM fill_batch b JOIN cg_device d ON d.product_id = :pid AND d.device_key = 'fill-' || :'tag' || '-' || b.i;
INSERT INTO cg_key_binding (public_key_sha256, device_id, bound_at)
SELECT c.public_key_sha256, c.device_id, c.signed_at
FROM cg_certificate c JOIN cg_device d ON d.id = c.device_id AND d.product_id = :pid
WHERE c.cert_sn > :maxsn;
INSERT INTO cg_audit (at_time, org_id, actor, action, target, outcome, request_id)
SELECT c.signed_at, :'org', 'bench-fill', 'certificate.apply', 'certSn=' || c.cert_sn || ' device fill-' || :'tag',
       'issued serial ' || c.serial_number, 'fill-' || :'tag' || '-' || c.cert_sn
FROM cg_certificate c JOIN cg_device d ON d.id = c.device_id AND d.product_id = :pid
WHERE c.cert_sn > :maxsn;
INSERT INTO cg_audit (at_time, org_id, actor, action, target, outcome, request_id)
SELECT c.revoked_at, :'org', 'bench-fill', 'certificate.revoke', 'certSn=' || c.cert_sn || ' device fill-' || :'tag',
       'revoked (KEY_COMPROMISE)', 'fill-' || :'tag' || '-r' || c.cert_sn
FROM cg_certificate c JOIN cg_device d ON d.id = c.device_id AND d.product_id = :pid
WHERE :revoked AND c.cert_sn > :maxsn;
COMMIT;
SQL
  note "fill $TAG: $hi of $N"
  lo=$(( hi + 1 ))
done
t1=$(date +%s.%N)
bpsql -c 'VACUUM ANALYZE cg_product' -c 'VACUUM ANALYZE cg_device' -c 'VACUUM ANALYZE cg_certificate' \
      -c 'VACUUM ANALYZE cg_key_binding' -c 'VACUUM ANALYZE cg_audit'
pg_super -c CHECKPOINT >/dev/null || true
t2=$(date +%s.%N)
now=$(bpsql -c 'SELECT COUNT(*) FROM cg_certificate')
say "FILL tag=$TAG rows=$N revoked=$revoked authority=$authority issuing_ca=${ICA_RSA}${ICA_ECC:+${ICA_RSA:+,}$ICA_ECC} org=$ORG insert_s=$(printf '%.1f' "$(echo "$t1 - $t0" | bc)") vacuum_analyze_s=$(printf '%.1f' "$(echo "$t2 - $t1" | bc)") rows_per_s=$(echo "$N / ($t1 - $t0)" | bc) certificates_now=$now"
