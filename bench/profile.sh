#!/usr/bin/env bash
# Profile of EnOS apply under load: the bench server (bench/lib.sh), a warm-up, then a JFR recording (settings
# "profile") during a c=8 wrk run per algorithm, and the hottest methods and packages by CPU samples.
# usage: flock -o /tmp/certgate-build.lock bench/profile.sh [SECONDS]   (default 30; DB=derby|postgresql)
# Output: $OUT (default bench/results/profile-<UTC time>): <alg>.jfr, <alg>-hot.txt (jfr view hot-methods),
#         <alg>-packages.txt (samples per top frame package and per "who called into the stack": certgate,
#         Derby, EclipseLink, Liberty, BouncyCastle, JDK)
set -euo pipefail
. "$(dirname "$0")/lib.sh"
D=${1:-30}
ALGS=${ALGS:-rsa ecc}
OUT=${OUT:-$BENCH/results/profile-$(date -u +%Y%m%dT%H%M%SZ)}
mkdir -p "$OUT"
JFR=${JFR:-$(ls -d /usr/lib/jvm/temurin-25* 2>/dev/null | head -1)/bin/jfr}
[ -x "$JFR" ] || JFR=jfr
need wrk curl
# JFR keeps 64 frames by default, which cuts Liberty's deep request stacks before certgate's own frames
STACK_DEPTH=${STACK_DEPTH:-256}
BENCH_JVM_OPTIONS="${BENCH_JVM_OPTIONS:-} -XX:FlightRecorderOptions:stackdepth=$STACK_DEPTH"
server_prepare
[ "$DB" = postgresql ] && pg_up
server_start
enos_setup
for alg in $ALGS; do
  for _ in 1 2 3; do wrk_result "warm-up $alg" 8 10 "$URL" "$WORK/$alg.json"; note "warm-up $alg: $RESULT"; done
  server_jcmd JFR.start name=p settings=profile >/dev/null
  wrk_result "profile $alg" 8 "$D" "$URL" "$WORK/$alg.json"
  server_jcmd JFR.stop name=p filename="$OUT/$alg.jfr" >/dev/null
  say "PROFILE alg=$alg $RESULT"
  "$JFR" view --width 200 hot-methods "$OUT/$alg.jfr" > "$OUT/$alg-hot.txt" 2>&1 || true
  # the first frame of each CPU sample that is not the JDK: what certgate, a library or the server was doing
  "$JFR" print --events jdk.ExecutionSample --stack-depth "$STACK_DEPTH" "$OUT/$alg.jfr" | python3 -c '
import re, sys, collections
top, owner, inclusive, n = collections.Counter(), collections.Counter(), collections.Counter(), 0
def area(frame):
    for key, name in (("io.certgate", "certgate"), ("org.apache.derby", "Derby"), ("org.eclipse.persistence", "EclipseLink"),
                      ("org.bouncycastle", "BouncyCastle"), ("org.jboss.resteasy", "RESTEasy"), ("com.ibm", "Liberty"),
                      ("io.openliberty", "Liberty"), ("org.apache.cxf", "CXF"), ("org.postgresql", "PostgreSQL JDBC")):
        if frame.startswith(key): return name
    return None
stack = []
def flush():
    global n
    if not stack: return
    n += 1
    top[".".join(stack[0].split("(")[0].split(".")[:-1])] += 1
    owner[next((a for a in map(area, stack) if a), "JDK/other")] += 1
    for f in set(stack):
        if f.startswith("io.certgate"): inclusive[f] += 1
for line in sys.stdin:
    line = line.strip()
    if line.startswith("jdk.ExecutionSample"): flush(); stack = []
    m = re.match(r"([\w.$]+)\(", line)
    if m and "line:" in line: stack.append(m.group(1) + "(")
flush()
print("samples", n)
print("== by the nearest owner up the stack (who does the work)")
for k, v in owner.most_common(): print(f"{100*v/n:5.1f}%  {k}")
print("== by top-frame package")
for k, v in top.most_common(25): print(f"{100*v/n:5.1f}%  {k}")
print("== certgate methods, inclusive (samples with the method anywhere on the stack)")
for k, v in inclusive.most_common(60): print(f"{100*v/n:5.1f}%  {k[:-1]}")
' > "$OUT/$alg-packages.txt"
  cat "$OUT/$alg-packages.txt" | head -100
done
