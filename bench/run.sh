#!/usr/bin/env bash
# The benchmark of issue 9, in one run: EnOS apply on certgate beside its anchors, all measured now on this machine.
#   1. openssl speed (RSA-2048, P-256 sign/s; 1 process and 2)
#   2. the in-process ceiling (bench/ceiling: certgate's own CSR check + build + sign + PEM, no server; 1 and 2 threads)
#   3. cfssl serve (Debian golang-cfssl) without a database and with its SQLite certificate database, at c=8
#   4. certgate: its own server (bench/lib.sh: a copy of the built dev server on 9280/9643, fresh database), a
#      warm-up that repeats short runs until two in a row agree within 10%, then for RSA-2048 and P-256 EnOS apply at
#      c=1, 8, 32: req/s, p50, p99, the server's CPU (cores used), heap used / committed / live after a full GC
#   5. openssl speed RSA-2048 again (did the machine change during the run?)
# and a summary table (markdown) with the targets of issue 9.
#
# usage: bench/run.sh [SECONDS]        SECONDS per point (default 30). On a shared machine:
#        flock /tmp/certgate-build.lock bench/run.sh 30
# Needs: a build (BUILD=auto makes one with mvn -o when missing), wrk, openssl, curl, bc, python3, cfssl/cfssljson and
# sqlite3 (Debian: golang-cfssl sqlite3), PostgreSQL for DB=postgresql. Runs as root (the private PostgreSQL cluster).
# Environment (besides bench/lib.sh's DB, BENCH_JAVA_HOME, BENCH_JVM_OPTIONS, BUILD):
#   WARMUP_SECONDS (10) per warm-up run, WARMUP_MAX (12) runs at most, WARMUP_C (8)
#   CONCURRENCY ("1 8 32"), ALGS ("rsa ecc"), CFSSL_CONCURRENCY ("8"), CFSSL_SECONDS (SECONDS)
#   REPEAT (1): each certgate point this many times in a row (rep=1..); the targets use the median-rate one
#   OPENSSL_SECONDS (5), CEILING_WARMUP (10), CEILING_ROUNDS (5), CEILING_SECONDS (5)
#   SKIP: words among openssl ceiling cfssl cfssl-db certgate
#   OUT: result directory (default bench/results/<UTC time>): output.txt (all output), lines.txt (the result
#        lines), summary.md
# Machine-readable lines: RUN (context), ANCHOR (openssl, cfssl), CEILING, WARMUP, READY, POINT, then the summary.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
D=${1:-30}
WARMUP_SECONDS=${WARMUP_SECONDS:-10}
WARMUP_MAX=${WARMUP_MAX:-12}
WARMUP_C=${WARMUP_C:-8}
CONCURRENCY=${CONCURRENCY:-1 8 32}
ALGS=${ALGS:-rsa ecc}
CFSSL_CONCURRENCY=${CFSSL_CONCURRENCY:-8}
CFSSL_SECONDS=${CFSSL_SECONDS:-$D}
OPENSSL_SECONDS=${OPENSSL_SECONDS:-5}
SKIP=" ${SKIP:-} "
skip() { [[ "$SKIP" == *" $1 "* ]]; }

need wrk openssl curl bc python3
skip cfssl && skip cfssl-db || need cfssl cfssljson sqlite3
results_dir ""

say "RUN script=run seconds_per_point=$D $(machine_line)"
say "RUN db=$DB $(build_identity)"
say "RUN java=\"$(java_line)\""
[ "$(cut -d' ' -f1 /proc/loadavg | cut -d. -f1)" -ge 1 ] \
  && note "load average $(cut -d' ' -f1 /proc/loadavg) at start: something else is running; figures will be low"

# ------------------------------------------------------------------ 1. openssl speed
openssl_speed() {  # LABEL PROCESSES
  local multi=() r e
  [ "$2" -gt 1 ] && multi=(-multi "$2")
  r=$(openssl speed "${multi[@]}" -seconds "$OPENSSL_SECONDS" rsa2048 2>/dev/null | awk '/^rsa 2048 bits/ {print $6}' | tail -1)
  say "ANCHOR name=$1 alg=rsa processes=$2 sign_s=$r $(openssl version | cut -d' ' -f1-2 | tr ' ' '_' | sed 's/^/version=/')"
  [ "$1" = openssl-end ] && return 0
  e=$(openssl speed "${multi[@]}" -seconds "$OPENSSL_SECONDS" ecdsap256 2>/dev/null | awk '/256 bits ecdsa/ {print $7}' | tail -1)
  say "ANCHOR name=$1 alg=ecc processes=$2 sign_s=$e"
}
if ! skip openssl; then
  openssl_speed openssl 1
  openssl_speed openssl 2
fi

# ------------------------------------------------------------------ 2. in-process ceiling
if ! skip ceiling; then
  bench_build
  "$BENCH/ceiling/run.sh" | while IFS= read -r l; do say "$l"; done
fi

# ------------------------------------------------------------------ 3. cfssl
cfssl_run() {  # NAME ALG DBCONFIG|""
  local name=$1 alg=$2 dbconf=$3 K hz p0 p1 w0 w1 args=()
  if [ "$alg" = rsa ]; then K='{"algo":"rsa","size":2048}'; else K='{"algo":"ecdsa","size":256}'; fi
  (cd "$WORK" && echo "{\"CN\":\"bench $alg CA\",\"key\":$K}" | cfssl gencert -initca - 2>/dev/null | cfssljson -bare "ca-$alg")
  [ -n "$dbconf" ] && args=(-db-config "$dbconf")
  port_free 8888 || die "port 8888 (cfssl) is taken"
  exec_without_fds cfssl serve -address 127.0.0.1 -port 8888 -ca "$WORK/ca-$alg.pem" -ca-key "$WORK/ca-$alg-key.pem" "${args[@]}" \
    >"$WORK/cfssl-$name-$alg.log" 2>&1 &
  CFSSL_PID=$!
  for _ in $(seq 1 50); do port_free 8888 || break; sleep 0.1; done
  wrk_result "cfssl warm-up" 8 2 http://127.0.0.1:8888/api/v1/cfssl/sign "$WORK/cfssl-$alg.json" '"success":true'
  hz=$(getconf CLK_TCK)
  for c in $CFSSL_CONCURRENCY; do
    p0=$(proc_ticks "$CFSSL_PID"); w0=$(date +%s.%N)
    wrk_result "$name $alg c=$c" "$c" "$CFSSL_SECONDS" http://127.0.0.1:8888/api/v1/cfssl/sign "$WORK/cfssl-$alg.json" '"success":true'
    p1=$(proc_ticks "$CFSSL_PID"); w1=$(date +%s.%N)
    say "ANCHOR name=$name alg=$alg c=$c seconds=$CFSSL_SECONDS $RESULT cfssl_cpu_cores=$(echo "scale=2; ($p1 - $p0) / $hz / ($w1 - $w0)" | bc)"
  done
  kill "$CFSSL_PID"; wait "$CFSSL_PID" 2>/dev/null || true; CFSSL_PID=
}
if ! skip cfssl || ! skip cfssl-db; then
  make_csrs
  python3 - "$WORK" <<'PY'
import json, sys
w = sys.argv[1]
for alg in ("rsa", "ecc"):
    json.dump({"certificate_request": open(w + "/" + alg + ".csr").read()}, open(w + "/cfssl-" + alg + ".json", "w"))
PY
  say "RUN cfssl=\"$(cfssl version 2>/dev/null | tr '\n' ' ' | sed 's/ *$//')\" sqlite=$(sqlite3 --version | cut -d' ' -f1)"
  for alg in $ALGS; do
    skip cfssl || cfssl_run cfssl-no-db "$alg" ""
    if ! skip cfssl-db; then
      # cfssl's certdb/sqlite schema (goose migration 001 of cfssl 1.2's source; Debian ships no migrations):
      # every signed certificate is INSERTed before the answer, SQLite's defaults (rollback journal, fsync)
      db=$WORK/certdb-$alg.sqlite
      sqlite3 "$db" <<'SQL'
CREATE TABLE certificates (
  serial_number            blob NOT NULL,
  authority_key_identifier blob NOT NULL,
  ca_label                 blob,
  status                   blob NOT NULL,
  reason                   int,
  expiry                   timestamp,
  revoked_at               timestamp,
  pem                      blob NOT NULL,
  PRIMARY KEY(serial_number, authority_key_identifier)
);
CREATE TABLE ocsp_responses (
  serial_number            blob NOT NULL,
  authority_key_identifier blob NOT NULL,
  body                     blob NOT NULL,
  expiry                   timestamp,
  PRIMARY KEY(serial_number, authority_key_identifier),
  FOREIGN KEY(serial_number, authority_key_identifier) REFERENCES certificates(serial_number, authority_key_identifier)
);
SQL
      echo "{\"driver\":\"sqlite3\",\"data_source\":\"$db\"}" > "$WORK/db-config-$alg.json"
      cfssl_run cfssl-sqlite "$alg" "$WORK/db-config-$alg.json"
      rows=$(sqlite3 "$db" 'SELECT COUNT(*) FROM certificates')
      say "ANCHOR name=cfssl-sqlite alg=$alg stored_rows=$rows journal_mode=$(sqlite3 "$db" 'PRAGMA journal_mode')"
      [ "$rows" -gt 0 ] || die "cfssl stored nothing in its SQLite database: the cfssl-sqlite figures are not of a database"
    fi
  done
fi

# ------------------------------------------------------------------ 4. certgate
if ! skip certgate; then
  server_prepare
  [ "$DB" = postgresql ] && { pg_up; say "RUN postgresql=\"$(pg_version)\" pg_opts=\"${BENCH_PG_OPTS:-}\""; }
  server_start
  say "READY seconds=$(printf '%.2f' "$READY_SECONDS") db=$DB"
  say "RUN $(server_jvm_line)"
  enos_setup
  for alg in $ALGS; do
    warmup "$alg" "$WARMUP_SECONDS" "$WARMUP_MAX" "$WARMUP_C"
    for c in $CONCURRENCY; do
      for rep in $(seq 1 "${REPEAT:-1}"); do
        REP=$rep point certgate "$alg" "$c" "$D"
      done
    done
  done
  # every point's answers were checked (EXPECT_BODY "code":0); one more, with the certificate verified
  # (leaf <- the organization's issuing CA, from the answer's caCert <- the root)
  curl -s -H "Authorization: $AUTH" "$URL" -H 'Content-Type: application/json' -d @"$WORK/ecc.json" > "$WORK/last.json"
  python3 -c 'import json,sys; print(json.load(sys.stdin)["data"]["cert"])' < "$WORK/last.json" > "$WORK/last.pem"
  python3 -c 'import json,sys; print(json.load(sys.stdin)["data"]["caCert"])' < "$WORK/last.json" > "$WORK/last-chain.pem"
  curl -s "$B/enos/CA/cacert/ECC" > "$WORK/ecc-root.pem"
  openssl verify -CAfile "$WORK/ecc-root.pem" -untrusted "$WORK/last-chain.pem" "$WORK/last.pem" >/dev/null \
    || die "the issued certificate does not verify"
  if [ "$DB" = postgresql ]; then
    say "RUN stored_certificates=$(bpsql -c 'SELECT COUNT(*) FROM cg_certificate')"
  fi
  server_stop
  [ "$DB" = postgresql ] && pg_down
fi

# ------------------------------------------------------------------ 5. did the machine change?
skip openssl || openssl_speed openssl-end 1

say ""
python3 "$BENCH/summary.py" --all "$LINES_FILE" | tee "$OUT/summary.md"
say ""
say "results: $OUT"
