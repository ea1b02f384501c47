#!/usr/bin/env bash
# EnOS apply latency at c=8 with SMALL and with LARGE certificates stored (issue 9: with 1,000,000 at most 1.2x
# with 1,000), on PostgreSQL (the production database; the bench's private cluster, see bench/lib.sh).
#   1. fresh database, server started, bench product and device (bench/lib.sh), SMALL synthetic certificates
#      (bench/fill.sh: devices, certificates, key bindings, audit records)
#   2. warm-up as in run.sh (short runs at c=8 until two in a row agree within 10%), per algorithm
#   3. the warm-up's own certificates (those of the bench device) and their audit records are deleted and the
#      tables vacuumed, so that the point starts with SMALL stored (plus the bootstrap's few); one point at c=8
#   4. fill up to LARGE, VACUUM ANALYZE, CHECKPOINT; one short warm-up run; delete the bench device's
#      certificates again; the same point at c=8
# Each point prints the stored count at its start. The point itself adds what it issues (req/s x SECONDS).
# usage: bench/latency-vs-size.sh [SECONDS] [SMALL] [LARGE]      (defaults 30, 1000, 1000000)
# env: ALGS ("rsa ecc"), WARMUP_SECONDS (10), WARMUP_MAX (12), and bench/lib.sh's (BENCH_JAVA_HOME, BENCH_JVM_OPTIONS,
#      BENCH_PG_OPTS, ...). On a shared machine: flock /tmp/certgate-build.lock bench/latency-vs-size.sh
# prints: FILL, WARMUP, SIZE (one per point, with POINT's fields) and SIZE_RATIO lines, then the summary table.
set -euo pipefail
DB=postgresql
. "$(dirname "$0")/lib.sh"
D=${1:-30}
SMALL=${2:-1000}
LARGE=${3:-1000000}
ALGS=${ALGS:-rsa ecc}
WARMUP_SECONDS=${WARMUP_SECONDS:-10}
WARMUP_MAX=${WARMUP_MAX:-12}
[ "$LARGE" -gt "$SMALL" ] || die "LARGE must be larger than SMALL"
need wrk openssl curl bc python3 psql
results_dir size

say "RUN script=latency-vs-size seconds_per_point=$D $(machine_line)"
say "RUN db=$DB $(build_identity)"
say "RUN java=\"$(java_line)\""
server_prepare
pg_up
say "RUN postgresql=\"$(pg_version)\" pg_opts=\"${BENCH_PG_OPTS:-}\""
server_start
say "READY seconds=$(printf '%.2f' "$READY_SECONDS") db=$DB"
say "RUN $(server_jvm_line)"
enos_setup
DEVICE_ID=$(bpsql -c "SELECT d.id FROM cg_device d JOIN cg_product p ON p.id = d.product_id WHERE p.product_key = '$PK' AND d.device_key = 'bench-1'")
SINCE=$(bpsql -c "SELECT now() AT TIME ZONE 'UTC' - interval '1 minute'")

# the certificates the bench device got (warm-up, earlier points) and their audit records: gone
trim() {
  bpsql -c "DELETE FROM cg_audit WHERE actor <> 'bench-fill' AND action = 'certificate.apply' AND at_time >= '$SINCE'" \
        -c "DELETE FROM cg_certificate WHERE device_id = $DEVICE_ID" \
        -c "VACUUM ANALYZE cg_certificate" -c "VACUUM ANALYZE cg_audit"
  pg_super -c CHECKPOINT >/dev/null || true
}

declare -A RES
size_point() {  # LABEL ALG
  local stored
  stored=$(bpsql -c 'SELECT COUNT(*) FROM cg_certificate')
  enos_token
  LINES_FILE= point size "$2" 8 "$D" > "$WORK/point.txt"
  local line; line=$(sed 's/^POINT //' "$WORK/point.txt")
  say "SIZE stored=$stored label=$1 $line stored_after=$(bpsql -c 'SELECT COUNT(*) FROM cg_certificate')"
  RES[$1-$2]=$line
}

"$BENCH/fill.sh" "$SMALL" | grep '^FILL' | while IFS= read -r l; do say "$l"; done
for alg in $ALGS; do
  warmup "$alg" "$WARMUP_SECONDS" "$WARMUP_MAX" 8
done
for alg in $ALGS; do
  trim
  size_point small "$alg"
done
"$BENCH/fill.sh" $(( LARGE - $(bpsql -c 'SELECT COUNT(*) FROM cg_certificate') + $(bpsql -c "SELECT COUNT(*) FROM cg_certificate WHERE device_id = $DEVICE_ID") )) \
  | grep '^FILL' | while IFS= read -r l; do say "$l"; done
for alg in $ALGS; do
  enos_token
  warmup "$alg" "$WARMUP_SECONDS" 1 8
  trim
  size_point large "$alg"
done
for alg in $ALGS; do
  s=${RES[small-$alg]} l=${RES[large-$alg]}
  r() { echo "scale=2; $(field "$1" "$l") / $(field "$1" "$s")" | bc; }
  say "SIZE_RATIO alg=$alg c=8 small=$SMALL large=$LARGE p50_ratio=$(r p50_ms) p99_ratio=$(r p99_ms) rate_ratio=$(r 'req\/s') target_p50_ratio=1.2"
done
server_stop
pg_down
say ""
python3 "$BENCH/summary.py" "$LINES_FILE" | tee "$OUT/summary.md"
say "results: $OUT"
