#!/usr/bin/env bash
# In-process P-256 signing, JDK key vs BouncyCastle key (see EcBench.java). Needs the BouncyCastle jars in
# ~/.m2 (any build of certgate fetches them). Usage: bench/ec-signer/run.sh
set -euo pipefail
cd "$(dirname "$0")"
m2=~/.m2/repository/org/bouncycastle
v=$(sed -n 's:.*<bouncycastle.version>\(.*\)</bouncycastle.version>.*:\1:p' ../../pom.xml)
cp="$m2/bcprov-jdk18on/$v/bcprov-jdk18on-$v.jar:$m2/bcpkix-jdk18on/$v/bcpkix-jdk18on-$v.jar:$m2/bcutil-jdk18on/$v/bcutil-jdk18on-$v.jar"
out=$(mktemp -d)
javac -d "$out" -cp "$cp" EcBench.java
java -cp "$out:$cp" EcBench
