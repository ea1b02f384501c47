#!/usr/bin/env bash
# The in-process ceiling (see Ceiling.java): certgate's own CSR check + certificate build + sign + PEM, no server,
# RSA-2048 and P-256 with the server's providers (CryptoProviders: AWS-LC when it loads, else the JDK for RSA and
# BouncyCastle for P-256; CERTGATE_CRYPTO_NATIVE=false as in the server), 1 and 2 threads, each configuration in a fresh JVM:
# CEILING_WARMUP seconds of warm-up, then CEILING_ROUNDS rounds of CEILING_SECONDS; the median round is reported.
# Needs a build of the worktree (ejb/target/classes, domain/target/classes) and the BouncyCastle and AWS-LC (ACCP)
# jars in ~/.m2.
# usage: bench/ceiling/run.sh            env: BENCH_JAVA_HOME (default: java on the PATH), CEILING_WARMUP (10),
#        CEILING_ROUNDS (5), CEILING_SECONDS (5), CEILING_ALGS ("rsa ecc"), CEILING_THREADS ("1 2")
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
TOP=$(cd "$HERE/../.." && pwd)
JBIN=${BENCH_JAVA_HOME:+$BENCH_JAVA_HOME/bin/}
m2=${M2_REPO:-$HOME/.m2/repository}/org/bouncycastle
v=$(sed -n 's:.*<bouncycastle.version>\(.*\)</bouncycastle.version>.*:\1:p' "$TOP/pom.xml")
cp="$TOP/ejb/target/classes:$TOP/domain/target/classes"
for a in bcprov bcpkix bcutil; do
  jar="$m2/$a-jdk18on/$v/$a-jdk18on-$v.jar"
  [ -f "$jar" ] || { echo "missing $jar (build certgate once: mvn install)" >&2; exit 2; }
  cp="$cp:$jar"
done
accp_v=$(sed -n 's:.*<accp.version>\(.*\)</accp.version>.*:\1:p' "$TOP/pom.xml")
jar="${M2_REPO:-$HOME/.m2/repository}/software/amazon/cryptools/AmazonCorrettoCryptoProvider/$accp_v/AmazonCorrettoCryptoProvider-$accp_v-linux-x86_64.jar"
[ -f "$jar" ] || { echo "missing $jar (build certgate once: mvn install)" >&2; exit 2; }
cp="$cp:$jar"
[ -f "$TOP/ejb/target/classes/io/certgate/ejb/ca/CertificateSigner.class" ] \
  || { echo "no ejb/target/classes: build first (mvn -o -q install -DskipTests)" >&2; exit 2; }
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
"${JBIN}javac" --release 17 -nowarn -d "$out" -cp "$cp" "$HERE/Ceiling.java"
for alg in ${CEILING_ALGS:-rsa ecc}; do
  for t in ${CEILING_THREADS:-1 2}; do
    "${JBIN}java" -cp "$out:$cp" Ceiling "$alg" "$t" "${CEILING_WARMUP:-10}" "${CEILING_ROUNDS:-5}" "${CEILING_SECONDS:-5}"
  done
done
