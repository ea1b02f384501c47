#!/usr/bin/env bash
# Server start to ready (issue 9: at most 15 s). RUNS times (default 3): a first start on an empty database (schema,
# CA keys and bootstrap credentials are made) and then a restart of the same server (they are loaded), each timed
# from `server start` to the first 200 of /health/ready (polled every 0.1 s), plus how long `server start` itself
# took to return. The bench server (bench/lib.sh: ports 9280/9643, DB=derby|postgresql) is stopped after each.
# usage: bench/start-time.sh [RUNS]        (DB=postgresql for the bench's private PostgreSQL cluster)
# prints: START run=N kind=first-start|restart ready_s=.. server_start_returned_s=..   and a summary line
set -euo pipefail
. "$(dirname "$0")/lib.sh"
RUNS=${1:-3}
need curl bc
results_dir start
say "RUN script=start-time $(machine_line) db=$DB $(build_identity)"
say "RUN java=\"$(java_line)\""
server_prepare
[ "$DB" = postgresql ] && pg_up
first=() restart=()
for i in $(seq 1 "$RUNS"); do
  server_reset_data
  for kind in first-start restart; do
    server_start
    [ "$i$kind" = 1first-start ] && say "RUN $(server_jvm_line)"
    say "START run=$i kind=$kind ready_s=$(printf '%.2f' "$READY_SECONDS") server_start_returned_s=$(printf '%.2f' "$START_RETURNED_SECONDS") db=$DB"
    [ $kind = first-start ] && first+=("$READY_SECONDS") || restart+=("$READY_SECONDS")
    server_stop
  done
done
max() { printf '%s\n' "$@" | sort -g | tail -1; }
say "START_SUMMARY runs=$RUNS first_start_max_s=$(printf '%.2f' "$(max "${first[@]}")") restart_max_s=$(printf '%.2f' "$(max "${restart[@]}")") target_s=15"
[ "$DB" = postgresql ] && pg_down
say ""
python3 "$BENCH/summary.py" "$LINES_FILE" | tee "$OUT/summary.md"
say "results: $OUT"
