# shellcheck shell=bash
# Shared by the bench scripts (sourced, not run): the bench's own Liberty server, its private PostgreSQL cluster,
# the EnOS set-up, and the per-point measurements (wrk, server CPU, heap).
#
# The server: a copy of the server that the build makes (ear/target/liberty/wlp/usr/servers/certgate, created by
# `mvn -pl ear liberty:create liberty:deploy`), named certgate-bench, on its own ports (9280/9643, so that it
# never meets the integration tests' 9080/9443), with the ear from ear/target/certgate.ear and an empty data
# directory: every run starts from a fresh database and fresh CA keys.
# PostgreSQL (DB=postgresql): a private cluster of the installed PostgreSQL in $BENCH_PG_DIR on 127.0.0.1:5433,
# started and stopped by the scripts (the machine's own cluster on 5432, which the integration tests use, is
# never touched); database certgate_bench, dropped and made anew by each run.
#
# Environment (all optional):
#   BUILD=auto|1|0        auto (default): build (mvn -o) only when the server template or the ear is missing
#   DB=derby|postgresql   the server's database (default derby, the dev server's)
#   BENCH_JAVA_HOME       JDK of the server, the ceiling and jcmd (default: java on the PATH), e.g.
#                         /usr/lib/jvm/temurin-25-jdk-amd64
#   BENCH_JVM_OPTIONS     server JVM options, one string, e.g. "-Xmx512m -XX:+UseG1GC" (default: none)
#   BENCH_HTTP_PORT, BENCH_HTTPS_PORT (9280, 9643), BENCH_PG_PORT (5433), BENCH_PG_DIR (/var/tmp/certgate-bench-pg)
#   BENCH_PG_HOST, BENCH_PG_DB, BENCH_PG_USER, BENCH_PG_PASSWORD (127.0.0.1, certgate_bench, certgate,
#                         certgate-bench): how bench/fill.sh and the scripts reach the database
#   BENCH_PG_OPTS         extra postgres -c settings, e.g. "-c synchronous_commit=on -c shared_buffers=512MB"
#   MVN                   maven command (default "mvn -o")

BENCH=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
TOP=$(cd "$BENCH/.." && pwd)
WLP=$TOP/ear/target/liberty/wlp
TEMPLATE=$WLP/usr/servers/certgate
SERVER=${BENCH_SERVER:-certgate-bench}
SDIR=$WLP/usr/servers/$SERVER
HTTP_PORT=${BENCH_HTTP_PORT:-9280}
HTTPS_PORT=${BENCH_HTTPS_PORT:-9643}
B=http://127.0.0.1:$HTTP_PORT
DB=${DB:-derby}
PG_PORT=${BENCH_PG_PORT:-5433}
PG_DIR=${BENCH_PG_DIR:-/var/tmp/certgate-bench-pg}
PG_HOST=${BENCH_PG_HOST:-127.0.0.1}
PG_DBNAME=${BENCH_PG_DB:-certgate_bench}
PG_USER=${BENCH_PG_USER:-certgate}
PG_PASSWORD=${BENCH_PG_PASSWORD:-certgate-bench}
MVN=${MVN:-mvn -o}
JBIN=${BENCH_JAVA_HOME:+$BENCH_JAVA_HOME/bin/}
SERVER_PID=
SERVER_STARTED=
PG_STARTED=
CFSSL_PID=
WORK=${WORK:-$(mktemp -d /tmp/certgate-bench.XXXXXX)}

# say: a result line, to stdout and, when LINES_FILE is set, to that file (what summary.py reads)
say() { printf '%s\n' "$*"; [ -z "${LINES_FILE:-}" ] || printf '%s\n' "$*" >> "$LINES_FILE"; }
note() { printf '# %s\n' "$*" >&2; }
die() { printf 'ERROR: %s\n' "$*" >&2; exit 1; }

bench_cleanup() {
  local rc=$?
  [ -n "$CFSSL_PID" ] && { kill "$CFSSL_PID" 2>/dev/null; wait "$CFSSL_PID" 2>/dev/null; CFSSL_PID=; }
  [ -n "$SERVER_STARTED" ] && server_stop
  [ -n "$PG_STARTED" ] && pg_down
  rm -rf "$WORK"
  return $rc
}
trap bench_cleanup EXIT
trap 'exit 130' INT TERM

need() {
  local missing=()
  for t in "$@"; do command -v "$t" >/dev/null 2>&1 || missing+=("$t"); done
  [ ${#missing[@]} -eq 0 ] || die "missing: ${missing[*]} (Debian: apt-get install -y wrk openssl curl golang-cfssl sqlite3 postgresql)"
}

# Daemons (the server, PostgreSQL, cfssl) are started without the file descriptors above 2: run under
# `flock /tmp/certgate-build.lock ...`, a daemon would otherwise inherit the lock's descriptor and hold the lock
# for as long as it lives, also after the script (a server or database left running would block every later
# `flock` on the machine).
# exec_without_fds CMD...: closes them and execs CMD; only in a subshell or a background job (`... &`, where $!
#   is then CMD's pid)
# without_fds CMD...: the same in a subshell of its own, for commands in the foreground
exec_without_fds() {
  local fd
  for fd in /proc/$BASHPID/fd/*; do
    fd=${fd##*/}
    [ "$fd" -gt 2 ] 2>/dev/null && { eval "exec $fd>&-"; } 2>/dev/null
  done
  exec "$@"
}
without_fds() { ( exec_without_fds "$@" ); }

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# ---------------------------------------------------------------- build and identity
bench_build() {
  local mode=${BUILD:-auto}
  if [ "$mode" = 1 ] || { [ "$mode" = auto ] && { [ ! -f "$TOP/ear/target/certgate.ear" ] || [ ! -f "$TEMPLATE/server.xml" ] \
       || [ ! -f "$TOP/ejb/target/classes/io/certgate/ejb/ca/CertificateSigner.class" ]; }; }; then
    note "building: $MVN -q install -DskipTests && $MVN -q -pl ear liberty:create liberty:install-feature liberty:deploy"
    (cd "$TOP" && $MVN -q install -DskipTests && $MVN -q -pl ear liberty:create liberty:install-feature liberty:deploy) >&2
  fi
  [ -f "$TOP/ear/target/certgate.ear" ] && [ -f "$TEMPLATE/server.xml" ] || die "no built server: run with BUILD=1"
}

# one line: what was measured (commit, whether the tree differs from it, the ear's digest)
build_identity() {
  local commit dirty sha
  commit=$(git -C "$TOP" rev-parse --short HEAD 2>/dev/null || echo unknown)
  dirty=$(git -C "$TOP" status --porcelain -- domain ejb web ws-contracts ear pom.xml 2>/dev/null | grep -q . && echo "+local-changes" || true)
  sha=$(sha256sum "$TOP/ear/target/certgate.ear" | cut -c1-12)
  printf 'commit=%s%s ear_sha256=%s ear_built=%s' "$commit" "$dirty" "$sha" \
    "$(date -u -r "$TOP/ear/target/certgate.ear" +%Y-%m-%dT%H:%MZ)"
}

machine_line() {
  printf 'date=%s host_cpus=%s cpu_model="%s" mem_gib=%s loadavg="%s" kernel=%s' "$(date -u +%Y-%m-%dT%H:%M:%SZ)" \
    "$(nproc)" "$(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //')" \
    "$(awk '/MemTotal/ {printf "%.0f", $2/1048576}' /proc/meminfo)" "$(cut -d' ' -f1-3 /proc/loadavg)" "$(uname -r)"
}

java_line() { "${JBIN}java" -version 2>&1 | tr '\n"' '  ' | sed 's/  */ /g; s/ $//'; }

# ---------------------------------------------------------------- PostgreSQL (private cluster)
pg_bin() { echo "/usr/lib/postgresql/$(ls /usr/lib/postgresql | sort -V | tail -1)/bin"; }

pg_up() {
  [ -d /usr/lib/postgresql ] || die "PostgreSQL is not installed (Debian: apt-get install -y postgresql)"
  local bin; bin=$(pg_bin)
  port_free "$PG_PORT" || die "port $PG_PORT is taken: another PostgreSQL? (BENCH_PG_PORT)"
  if [ ! -f "$PG_DIR/PG_VERSION" ]; then
    mkdir -p "$PG_DIR" && chown postgres:postgres "$PG_DIR" && chmod 700 "$PG_DIR"
    runuser -u postgres -- "$bin/initdb" -D "$PG_DIR" -A scram-sha-256 --auth-local=peer -U postgres >/dev/null \
      || die "initdb failed"
  fi
  # shellcheck disable=SC2086
  without_fds runuser -u postgres -- "$bin/pg_ctl" -D "$PG_DIR" -l "$PG_DIR/server.log" -w -t 60 \
    -o "-p $PG_PORT -c listen_addresses=127.0.0.1 -c unix_socket_directories=$PG_DIR ${BENCH_PG_OPTS:-}" start >/dev/null \
    || die "PostgreSQL did not start (see $PG_DIR/server.log)"
  PG_STARTED=1
  runuser -u postgres -- psql -h "$PG_DIR" -p "$PG_PORT" -q -v ON_ERROR_STOP=1 -v pw="$PG_PASSWORD" >/dev/null <<SQL
SELECT 'CREATE ROLE $PG_USER' WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$PG_USER') \gexec
SELECT format('ALTER ROLE $PG_USER LOGIN PASSWORD %L', :'pw') \gexec
DROP DATABASE IF EXISTS $PG_DBNAME;
CREATE DATABASE $PG_DBNAME OWNER $PG_USER;
SQL
}

pg_down() {
  runuser -u postgres -- "$(pg_bin)/pg_ctl" -D "$PG_DIR" -m fast -w stop >/dev/null 2>&1 || true
  PG_STARTED=
}

pg_version() { bpsql -c 'SHOW server_version' 2>/dev/null; }

# the private cluster's superuser (CHECKPOINT); fails quietly elsewhere
pg_super() { runuser -u postgres -- psql -h "$PG_DIR" -p "$PG_PORT" -d "$PG_DBNAME" -Atq "$@" 2>/dev/null; }

# psql as the server's user on the bench database
bpsql() { PGPASSWORD=$PG_PASSWORD psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d "$PG_DBNAME" -v ON_ERROR_STOP=1 -Atq "$@"; }

# results_dir KIND: $OUT (default bench/results/KIND-<UTC time>, or the bare time for KIND ""), LINES_FILE, and
# everything printed from here on copied to $OUT/output.txt
results_dir() {
  OUT=${OUT:-$BENCH/results/${1:+$1-}$(date -u +%Y%m%dT%H%M%SZ)}
  mkdir -p "$OUT"
  LINES_FILE=$OUT/lines.txt
  : > "$LINES_FILE"
  exec > >(tee "$OUT/output.txt") 2>&1
}

# ---------------------------------------------------------------- the server
server_prepare() {
  bench_build
  port_free "$HTTP_PORT" && port_free "$HTTPS_PORT" || die "port $HTTP_PORT or $HTTPS_PORT is taken"
  [ -z "$(server_pid_file_pid)" ] || die "a $SERVER server seems to run (pid $(server_pid_file_pid)): $WLP/bin/server stop $SERVER"
  rm -rf "$SDIR"
  mkdir -p "$SDIR"
  (cd "$TEMPLATE" && tar cf - --exclude=./logs --exclude=./workarea --exclude=./certgate-data --exclude=./tranlog \
     --exclude=./apps/expanded --exclude=./jvm.options .) | (cd "$SDIR" && tar xf -)
  cp "$TOP/ear/target/certgate.ear" "$SDIR/apps/certgate.ear"
  {
    echo
    echo "HTTP_PORT=$HTTP_PORT"
    echo "HTTPS_PORT=$HTTPS_PORT"
    echo "CERTGATE_PUBLIC_BASE_URL=http://localhost:$HTTP_PORT"
    echo "CERTGATE_DB=$DB"
    if [ "$DB" = postgresql ]; then
      echo "CERTGATE_DB_HOST=$PG_HOST"
      echo "CERTGATE_DB_PORT=$PG_PORT"
      echo "CERTGATE_DB_NAME=$PG_DBNAME"
      echo "CERTGATE_DB_USER=$PG_USER"
      echo "CERTGATE_DB_PASSWORD=$PG_PASSWORD"
    fi
    [ -n "${BENCH_JAVA_HOME:-}" ] && echo "JAVA_HOME=$BENCH_JAVA_HOME"
  } >> "$SDIR/server.env"
  : > "$SDIR/jvm.options"
  for o in ${BENCH_JVM_OPTIONS:-}; do echo "$o" >> "$SDIR/jvm.options"; done
}

# a fresh database: the data directory (Derby, keystore password, bootstrap files) and, for PostgreSQL, the database
server_reset_data() {
  rm -rf "$SDIR/certgate-data" "$SDIR/workarea" "$SDIR/tranlog"
  if [ "$DB" = postgresql ]; then
    runuser -u postgres -- psql -h "$PG_DIR" -p "$PG_PORT" -q -v ON_ERROR_STOP=1 >/dev/null \
      -c "DROP DATABASE IF EXISTS $PG_DBNAME" -c "CREATE DATABASE $PG_DBNAME OWNER $PG_USER"
  fi
}

server_pid_file_pid() {
  local f=$WLP/usr/servers/.pid/$SERVER.pid
  [ -f "$f" ] && kill -0 "$(cat "$f")" 2>/dev/null && cat "$f"
  true
}

# starts the server and waits until /health/ready answers 200; sets SERVER_PID, READY_SECONDS (from the
# `server start` call to the first 200) and START_RETURNED_SECONDS (until `server start` returned)
server_start() {
  local t0 t1
  t0=$(date +%s.%N)
  SERVER_STARTED=1
  without_fds "$WLP/bin/server" start "$SERVER" >"$WORK/server-start.out" 2>&1 || { cat "$WORK/server-start.out" >&2; die "server start failed"; }
  START_RETURNED_SECONDS=$(echo "$(date +%s.%N) - $t0" | bc)
  SERVER_PID=$(server_pid_file_pid)
  [ -n "$SERVER_PID" ] || die "no pid of $SERVER"
  for _ in $(seq 1 3000); do
    if [ "$(curl -s -o /dev/null -w '%{http_code}' "$B/health/ready")" = 200 ]; then
      t1=$(date +%s.%N)
      READY_SECONDS=$(echo "$t1 - $t0" | bc)
      return 0
    fi
    kill -0 "$SERVER_PID" 2>/dev/null || break
    sleep 0.1
  done
  tail -20 "$SDIR/logs/messages.log" >&2 || true
  die "$SERVER did not become ready"
}

server_stop() {
  "$WLP/bin/server" stop "$SERVER" >/dev/null 2>&1 || true
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
    sleep 2; kill "$SERVER_PID" 2>/dev/null || true
  fi
  SERVER_STARTED=
  SERVER_PID=
}

server_jcmd() { "$(dirname "$(readlink -f "/proc/$SERVER_PID/exe")")/jcmd" "$SERVER_PID" "$@" 2>/dev/null; }

server_jvm_line() {
  local args flags
  args=$(server_jcmd VM.command_line | sed -n 's/^jvm_args: //p' | tr ' ' '\n' \
    | grep -v -E '^--add-(opens|exports)|^-(javaagent|Djava.security.policy|Xshare|XX:ErrorFile|Dcom.ibm|Dlog4j|Djdk.attach|Dsun.jnu|Dfile.encoding|Dsun.stdout|Dsun.stderr|Djava.awt|Dcom.sun.management)' \
    | tr '\n' ' ' | sed 's/ $//')
  flags=$(server_jcmd VM.flags | tr ' ' '\n' | grep -E 'MaxHeapSize|InitialHeapSize|Use[A-Za-z]*GC$|UseG1GC|UseParallelGC|UseSerialGC|UseZGC' | grep -v '=false' | tr '\n' ' ' | sed 's/ $//')
  printf 'server_jdk="%s" server_jvm_args="%s" server_vm_flags="%s"' \
    "$(server_jcmd VM.version | sed -n '2p')" "$args" "$flags"
}

# heap in MiB: used and committed now; live after a full GC when $1 = gc
heap_now() {
  server_jcmd GC.heap_info | awk '
    /heap/ && /used/ && !done {
      line = $0; com = ""; used = ""
      if (match(line, /committed [0-9]+K/)) com = substr(line, RSTART + 10, RLENGTH - 11)
      else if (match(line, /total [0-9]+K/)) com = substr(line, RSTART + 6, RLENGTH - 7)
      if (match(line, /used [0-9]+K/)) used = substr(line, RSTART + 5, RLENGTH - 6)
      printf "%.0f %.0f\n", used / 1024, com / 1024; done = 1 }'
}

# ---------------------------------------------------------------- EnOS set-up: product, device, CSRs, bodies
enos_token() {
  local S=$SDIR/certgate-data/bootstrap ts enc
  # shellcheck disable=SC1091
  . "$S/enos-service-account.properties"
  ORG=$orgId
  ts=$(date +%s%3N)
  enc=$(printf '%s' "$appKey$ts$appSecret" | sha256sum | cut -d' ' -f1)
  TOKEN=$(curl -s "$B/apim-token-service/v2.0/token/get" -H 'Content-Type: application/json' \
    -d "{\"appKey\":\"$appKey\",\"encryption\":\"$enc\",\"timestamp\":$ts}" | sed -E 's/.*"accessToken":"([^"]+)".*/\1/')
  [ -n "$TOKEN" ] && [ "${#TOKEN}" -lt 200 ] || die "no EnOS token"
  export AUTH="Bearer $TOKEN"
}

# a product and device bench-1; bodies rsa.json / ecc.json (one fresh key each) in $WORK; sets URL
enos_setup() {
  enos_token
  PK=$(curl -s -H "Authorization: $AUTH" "$B/connect-service/v2.1/products?action=create&orgId=$ORG" \
    -H 'Content-Type: application/json' -d '{"productName":{"defaultValue":"bench"},"productType":"Device","biDirectionalAuth":true}' \
    | sed -E 's/.*"data":"([^"]+)".*/\1/')
  curl -s -H "Authorization: $AUTH" "$B/connect-service/v2.1/devices?action=create&orgId=$ORG" \
    -H 'Content-Type: application/json' -d "{\"productKey\":\"$PK\",\"deviceKey\":\"bench-1\",\"deviceName\":{\"defaultValue\":\"b\"}}" \
    | grep -q '"code":0' || die "cannot create the bench device"
  URL="$B/connect-service/v2.0/certificates?action=apply&orgId=$ORG&productKey=$PK&deviceKey=bench-1"
  make_csrs
  python3 - "$WORK" <<'PY'
import json, sys
w = sys.argv[1]
json.dump({"csr": open(w + "/rsa.csr").read(), "issueAuthority": "RSA"}, open(w + "/rsa.json", "w"))
json.dump({"csr": open(w + "/ecc.csr").read(), "issueAuthority": "ECC"}, open(w + "/ecc.json", "w"))
PY
  for alg in rsa ecc; do
    curl -s -H "Authorization: $AUTH" "$URL" -H 'Content-Type: application/json' -d @"$WORK/$alg.json" | grep -q '"code":0' \
      || die "apply ($alg) does not succeed: nothing to measure"
  done
}

make_csrs() {
  [ -f "$WORK/rsa.csr" ] && return 0
  openssl req -new -newkey rsa:2048 -nodes -keyout "$WORK/rsa.key" -subj "/CN=bench-rsa/O=Acme" -out "$WORK/rsa.csr" 2>/dev/null
  openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -keyout "$WORK/ecc.key" \
    -subj "/CN=bench-ecc/O=Acme" -out "$WORK/ecc.csr" 2>/dev/null
}

# ---------------------------------------------------------------- measurements
# utime+stime of a process, in clock ticks
proc_ticks() { awk '{sub(/^.*\) /, ""); print $12 + $13}' "/proc/$1/stat"; }
# busy, total and steal ticks of the whole machine (steal: CPU time the hypervisor gave to other guests)
host_ticks() { awk '/^cpu / {t = 0; for (i = 2; i <= NF; i++) t += $i; print t - $5 - $6, t, $9; exit}' /proc/stat; }

# wrk_result LABEL CONCURRENCY SECONDS URL BODY [EXPECT]: runs wrk -t1 with post-auth.lua; sets RESULT (its line)
wrk_result() {
  local c=$2 d=$3 url=$4 body=$5 expect=${6:-'"code":0'}
  RESULT=$(EXPECT_BODY=$expect wrk -t1 -c"$c" -d"${d}s" --timeout 10s --latency -s "$BENCH/post-auth.lua" "$url" -- "$body" \
    | grep '^RESULT' | sed 's/^RESULT //')
  [ -n "$RESULT" ] || die "wrk printed no RESULT line ($1)"
}

field() { sed -n "s/.*\\b$1=\\([^ ]*\\).*/\\1/p" <<<"$2"; }

# point NAME ALG C SECONDS: a wrk run against certgate with the server's CPU and heap; prints a POINT line
point() {
  local name=$1 alg=$2 c=$3 d=$4 p0 p1 h0 h1 w0 w1 hz cores host heap live bad
  hz=$(getconf CLK_TCK)
  curl -s -H "Authorization: $AUTH" "$URL" -H 'Content-Type: application/json' -d @"$WORK/$alg.json" >/dev/null
  p0=$(proc_ticks "$SERVER_PID"); read -r h0 _ < <(host_ticks); w0=$(date +%s.%N)
  wrk_result "$name $alg c=$c" "$c" "$d" "$URL" "$WORK/$alg.json"
  p1=$(proc_ticks "$SERVER_PID"); read -r h1 _ < <(host_ticks); w1=$(date +%s.%N)
  cores=$(echo "scale=2; ($p1 - $p0) / $hz / ($w1 - $w0)" | bc)
  host=$(echo "scale=2; ($h1 - $h0) / $hz / ($w1 - $w0)" | bc)
  heap=$(heap_now)
  server_jcmd GC.run >/dev/null
  live=$(heap_now | cut -d' ' -f1)
  bad=$(( $(field non2xx "$RESULT") + $(field badbody "$RESULT") + $(field sockerr "$RESULT") ))
  say "POINT name=$name alg=$alg c=$c rep=${REP:-1} seconds=$d $RESULT server_cpu_cores=$cores host_busy_cores=$host heap_used_mib=${heap% *} heap_committed_mib=${heap#* } heap_live_mib=$live valid=$([ $bad = 0 ] && echo yes || echo NO)"
}

# warmup ALG SECONDS MAX C: short runs until two in a row agree within 10%; prints WARMUP lines
warmup() {
  local alg=$1 d=$2 max=$3 c=$4 prev= n=0 t0 rates="" r agree=no
  t0=$(date +%s)
  while [ "$n" -lt "$max" ]; do
    n=$((n + 1))
    wrk_result "warm-up $alg" "$c" "$d" "$URL" "$WORK/$alg.json"
    r=$(field 'req\/s' "$RESULT")
    rates="$rates${rates:+,}${r%.*}"
    if [ -n "$prev" ] && awk -v a="$prev" -v b="$r" 'BEGIN { d = a > b ? a - b : b - a; m = a > b ? a : b; exit !(m > 0 && d / m <= 0.10) }'; then
      agree=yes; break
    fi
    prev=$r
  done
  say "WARMUP alg=$alg c=$c run_seconds=$d runs=$n stable=$agree took_s=$(( $(date +%s) - t0 )) req_s_series=$rates"
}
