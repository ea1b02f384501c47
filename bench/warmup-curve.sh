#!/usr/bin/env bash
# The warm-up curve of one server start: how fast EnOS apply runs in the first minutes after ready.
#
#   bench/warmup-curve.sh [RUNS] [SECONDS]
#
# Starts the bench server (bench/lib.sh: fresh data, ports 9280/9643, BENCH_JVM_OPTIONS), makes the product and
# device, then runs RUNS [24] wrk runs of SECONDS [5] each at c=8 back to back, one algorithm after the other (ALGS,
# default "rsa"), and prints per run: seconds since ready at its end, req/s, p99, and the JIT's state read with
# jcmd (compile tasks waiting, compilations done, total compile time), the garbage collections so far (young and
# old/full, count and seconds) and the share of the machine's CPU time the hypervisor gave to other guests during
# the run (steal). Nothing between the runs, so the curve is what a client sees after a start. A CURVE line sums
# it up: the first run from which every run stays within 10 % of the last three's median ("steady"), and how much
# load had run by then. An openssl RSA-2048 sign/s line first says how fast this machine is today.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
RUNS=${1:-24}
SECS=${2:-5}
ALGS=${ALGS:-rsa}
need wrk openssl curl bc python3
results_dir warmup

say "RUN script=warmup-curve runs=$RUNS seconds_per_run=$SECS $(machine_line)"
say "RUN db=$DB $(build_identity)"
say "ANCHOR name=openssl alg=rsa processes=1 sign_s=$(openssl speed -seconds 3 rsa2048 2>/dev/null | awk '/^rsa 2048 bits/ {print $6}' | tail -1)"
server_prepare
server_start
say "READY seconds=$(printf '%.2f' "$READY_SECONDS") db=$DB"
say "RUN $(server_jvm_line)"
t_ready=$(date +%s.%N)
enos_setup

jit_state() {  # "queued=N compiled=N compile_s=N young_gcs=N young_gc_s=N old_gcs=N old_gc_s=N" (totals since start)
  local q c t f counters
  q=$(server_jcmd Compiler.queue | grep -c -E '^ *[0-9]+ ' || true)
  counters=$(server_jcmd PerfCounter.print)
  c=$(sed -n 's/^sun.ci.totalCompiles=//p' <<<"$counters")
  t=$(sed -n 's/^java.ci.totalTime=//p' <<<"$counters")
  f=$(sed -n 's/^sun.os.hrt.frequency=//p' <<<"$counters")
  printf 'queued=%s compiled=%s compile_s=%s' "$q" "$c" "$(echo "scale=1; ${t:-0} / ${f:-1}" | bc)"
  # collector 0 is the young generation's, 1 the old generation's (full collections), with G1 and Parallel alike
  for g in 0:young 1:old; do
    printf ' %s_gcs=%s %s_gc_s=%s' "${g#*:}" "$(sed -n "s/^sun.gc.collector.${g%%:*}.invocations=//p" <<<"$counters")" \
      "${g#*:}" "$(echo "scale=2; $(sed -n "s/^sun.gc.collector.${g%%:*}.time=//p" <<<"$counters") / ${f:-1}" | bc)"
  done
}

for alg in $ALGS; do
  rates=()
  for n in $(seq 1 "$RUNS"); do
    read -r _ t0 s0 < <(host_ticks)  # a noisy neighbour shows in the steal ticks, not in the server's figures
    wrk_result "curve $alg" 8 "$SECS" "$URL" "$WORK/$alg.json"
    read -r _ t1 s1 < <(host_ticks)
    r=$(field 'req\/s' "$RESULT")
    rates+=("${r%.*}")
    bad=$(( $(field non2xx "$RESULT") + $(field badbody "$RESULT") + $(field sockerr "$RESULT") ))
    say "CURVE_RUN alg=$alg run=$n since_ready_s=$(printf '%.0f' "$(echo "$(date +%s.%N) - $t_ready" | bc)") req_s=${r%.*} p99_ms=$(field p99_ms "$RESULT") $(jit_state) steal_pct=$(echo "scale=1; 100 * ($s1 - $s0) / ($t1 - $t0)" | bc) valid=$([ $bad = 0 ] && echo yes || echo NO)"
  done
  python3 - "$alg" "$SECS" "${rates[@]}" <<'PY' | while read -r line; do say "$line"; done
import statistics, sys
alg, secs, rates = sys.argv[1], int(sys.argv[2]), [int(x) for x in sys.argv[3:]]
final = statistics.median(rates[-3:])
first = next((i for i in range(len(rates)) if all(abs(s - final) <= 0.10 * final for s in rates[i:])), None)
steady = f"steady_from_run={first + 1} steady_after_load_s={(first + 1) * secs}" if first is not None else "steady=no"
print(f"CURVE alg={alg} final_req_s={final:.0f} {steady} first_run_req_s={rates[0]}")
PY
done
server_stop
