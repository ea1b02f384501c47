#!/usr/bin/env bash
# Two certgate instances on one PostgreSQL under load, one killed with SIGKILL and restarted (issue 9).
# Runs exactly the integration test ear/src/test/java/io/certgate/it/TwoInstancesUnderLoadIT.java, which
# .ci/run also runs, with the whole suite, in its PostgreSQL pass (`mvn verify -Ppostgresql`). By hand:
#
#   mvn -q install -DskipTests
#   mvn -pl ear verify -Ppostgresql -Dgroups=two-instances-load [-Dcertgate.it.load.seconds=60]
#
# -Dgroups picks the test by its JUnit tag. -Dit.test=TwoInstancesUnderLoadIT picks it as well, but the ear has
# two failsafe executions (it-api, it-restart) and it.test replaces the includes of both: the test runs twice.
#
# The test makes its own database certgate_load and two servers, certgate-load-a (HTTP 9184, HTTPS 9547) and
# certgate-load-b (9185/9548), copies of the test server; 32 clients for SECONDS; b is killed at 40% of them.
# Needs JDK 17, Maven, openssl, and PostgreSQL on localhost:5432 with a role certgate (LOGIN CREATEDB, password
# $CERTGATE_IT_DB_PASSWORD, default certgate-ci) that owns a database certgate_it (the -Ppostgresql test server
# uses it): .ci/run makes them; run as root on Debian with PostgreSQL installed, this script does too.
#
# usage: bench/two-instances-kill.sh [SECONDS]       (default 60; SKIP_BUILD=1 skips the install)
# At the end it prints the test's counts (also in ear/target/two-instances-load.txt):
#   load: N applies, M renews, R revokes, E enrolls, K errors while down; duplicates certSn 0, serials 0, keys on
#   two devices 0, missing 0, CRL/OCSP misses 0
#   load detail: ...
# and exits with Maven's status: 0 when every count that must be 0 is 0.
set -euo pipefail
D=${1:-60}
PW=${CERTGATE_IT_DB_PASSWORD:-certgate-ci}
cd "$(dirname "$0")/.."

# PostgreSQL as .ci/run sets it up, but keeping what exists
if ! PGPASSWORD=$PW psql -h localhost -U certgate -d certgate_it -Atqc 'SELECT 1' >/dev/null 2>&1; then
  if [ "$(id -u)" != 0 ] || ! command -v pg_ctlcluster >/dev/null 2>&1; then
    echo "cannot log in to PostgreSQL on localhost:5432 as certgate (database certgate_it): see .ci/run" >&2
    exit 2
  fi
  version=$(ls /usr/lib/postgresql | sort -V | tail -1)
  pg_lsclusters -h | grep -q "^$version main" || pg_createcluster "$version" main >/dev/null
  pg_ctlcluster "$version" main start 2>/dev/null || true
  for _ in $(seq 1 30); do runuser -u postgres -- pg_isready -q -h localhost && break; sleep 1; done
  runuser -u postgres -- psql -q -v ON_ERROR_STOP=1 -v pw="$PW" <<'SQL'
SELECT 'CREATE ROLE certgate' WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'certgate') \gexec
SELECT format('ALTER ROLE certgate LOGIN CREATEDB PASSWORD %L', :'pw') \gexec
SELECT 'CREATE DATABASE certgate_it OWNER certgate' WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'certgate_it') \gexec
SQL
fi

[ "${SKIP_BUILD:-}" = 1 ] || mvn -q install -DskipTests
rm -f ear/target/two-instances-load.txt
status=0
mvn -pl ear verify -Ppostgresql -Dgroups=two-instances-load -Dit.db.password="$PW" \
  -Dcertgate.it.load.seconds="$D" || status=$?
echo
cat ear/target/two-instances-load.txt 2>/dev/null \
  || echo "no counts: the test stopped before its checks (see above, and ear/target/failsafe-reports)"
exit $status
