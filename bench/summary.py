#!/usr/bin/env python3
"""The summary (markdown) of one or more bench result files: the lines that bench/run.sh, latency-vs-size.sh,
crl-100k.sh and start-time.sh print (RUN, ANCHOR, CEILING, WARMUP, READY, POINT, SIZE, CRL, START ...), with the
targets of issue 9. Figures it has no line for are reported as not measured, never guessed.

usage: python3 bench/summary.py [--all] LINES_FILE...    (e.g. bench/results/<time>/lines.txt)
--all lists every target, also those the files have no figure for ("not measured in this run").
"""
import shlex
import sys


def parse(path):
    out = []
    for raw in open(path, encoding="utf-8", errors="replace"):
        raw = raw.strip()
        if not raw or raw.startswith("#") or raw.startswith("|"):
            continue
        try:
            words = shlex.split(raw)
        except ValueError:
            continue
        kind, kv = words[0], {}
        for w in words[1:]:
            if "=" in w:
                k, v = w.split("=", 1)
                kv[k] = v
        out.append((kind, kv))
    return out


def num(v):
    try:
        return float(v)
    except (TypeError, ValueError):
        return None


def fmt(v, digits=0):
    if v is None:
        return "–"
    return f"{v:,.{digits}f}"


def main(paths, show_all=False):
    lines, sources = [], []
    for p in paths:
        these = parse(p)
        lines += these
        info = {}
        for kind, kv in these:
            if kind == "RUN":
                for k, v in kv.items():
                    info.setdefault(k, v)
        sources.append(f"{info.get('script', '?')} ({info.get('db', '?')}, {info.get('date', '?')})")
    run = {}
    for kind, kv in lines:
        if kind == "RUN":
            for k, v in kv.items():
                run.setdefault(k, v)
    anchors = [kv for kind, kv in lines if kind == "ANCHOR"]
    ceilings = [kv for kind, kv in lines if kind == "CEILING"]
    points = [kv for kind, kv in lines if kind == "POINT"]
    warmups = [kv for kind, kv in lines if kind == "WARMUP"]
    sizes = [kv for kind, kv in lines if kind == "SIZE"]
    size_ratio = [kv for kind, kv in lines if kind == "SIZE_RATIO"]
    crls = [kv for kind, kv in lines if kind == "CRL"]
    starts = [kv for kind, kv in lines if kind == "START"]
    ready = [kv for kind, kv in lines if kind == "READY"]

    def anchor(name, alg, key="sign_s", **match):
        for a in anchors:
            if a.get("name") == name and a.get("alg") == alg and all(a.get(k) == v for k, v in match.items()):
                return a
        return None

    def point(alg, c, name="certgate"):
        """The point (of its repetitions, the one with the median rate)."""
        reps = sorted((p for p in points if p.get("name") == name and p.get("alg") == alg and p.get("c") == str(c)),
                      key=lambda p: num(p.get("req/s")) or 0)
        return reps[(len(reps) - 1) // 2] if reps else None

    def ceiling(alg, threads):
        for c in ceilings:
            if c.get("alg") == alg and c.get("threads") == str(threads):
                return c
        return None

    w = print
    w(f"## certgate benchmark, {run.get('date', '?')}")
    w()
    if len(sources) > 1:
        w(f"- sources: {'; '.join(sources)}; the context below is the first one's")
    w(f"- machine: {run.get('host_cpus', '?')} CPUs, {run.get('cpu_model', '?')}, {run.get('mem_gib', '?')} GiB, "
      f"kernel {run.get('kernel', '?')}; load average at start {run.get('loadavg', '?')}")
    w(f"- JDK (ceiling, tools): {run.get('java', '?')}")
    if "server_jdk" in run:
        w(f"- server JVM: {run.get('server_jdk')}; options: `{run.get('server_jvm_args') or '(none)'}`; "
          f"flags: `{run.get('server_vm_flags', '')}`")
    w(f"- database: {run.get('db', '?')}" + (f" (PostgreSQL {run['postgresql']}, options `{run.get('pg_opts', '')}`)"
                                             if "postgresql" in run else ""))
    w(f"- build: {run.get('commit', '?')}, ear sha256 {run.get('ear_sha256', '?')} built {run.get('ear_built', '?')}")
    if "seconds_per_point" in run:
        w(f"- {run['seconds_per_point']} s per point, wrk -t1 on loopback (latencies as wrk measures them: "
          f"closed loop, no correction for coordinated omission)")
    if "cfssl" in run:
        w(f"- cfssl: {run['cfssl']}; SQLite {run.get('sqlite', '?')}")
    o1, o2 = anchor("openssl", "rsa"), anchor("openssl-end", "rsa")
    if o1 and o2 and num(o1.get("sign_s")) and num(o2.get("sign_s")):
        drift = (num(o2["sign_s"]) / num(o1["sign_s"]) - 1) * 100
        w(f"- machine drift: openssl RSA-2048 sign/s {fmt(num(o1['sign_s']))} at the start, "
          f"{fmt(num(o2['sign_s']))} at the end ({drift:+.1f}%)")
    w()

    if warmups or ready:
        w("### Warm-up")
        w()
        for r in ready:
            w(f"- server start to ready: {r.get('seconds')} s")
        for x in warmups:
            w(f"- {x.get('alg')}: {x.get('runs')} runs of {x.get('run_seconds')} s at c={x.get('c')}, "
              f"stable (two in a row within 10%): {x.get('stable')}, took {x.get('took_s')} s; req/s per run: "
              f"{x.get('req_s_series', '').replace(',', ', ')}")
        w()

    if points:
        w("### certgate EnOS apply")
        w()
        w("| point | req/s | p50 ms | p99 ms | server CPU (cores) | machine busy (cores) | heap used / committed / "
          "live MiB | failed answers |")
        w("| --- | --- | --- | --- | --- | --- | --- | --- |")
        for p in points:
            bad = sum(int(num(p.get(k)) or 0) for k in ("non2xx", "badbody", "sockerr"))
            label = {"rsa": "RSA-2048", "ecc": "P-256"}.get(p.get("alg"), p.get("alg"))
            rep = f" (run {p.get('rep')})" if any(q.get("rep", "1") != "1" for q in points) else ""
            w(f"| {p.get('name')} {label} c={p.get('c')}{rep} | {fmt(num(p.get('req/s')))} | {p.get('p50_ms')} | "
              f"{p.get('p99_ms')} | {p.get('server_cpu_cores')} | {p.get('host_busy_cores')} | "
              f"{p.get('heap_used_mib')} / {p.get('heap_committed_mib')} / {p.get('heap_live_mib')} | {bad} |")
        w()

    if anchors or ceilings:
        w("### Anchors (same run)")
        w()
        w("| anchor | RSA-2048 | P-256 |")
        w("| --- | --- | --- |")
        for name, procs in (("openssl", "1"), ("openssl", "2")):
            r, e = anchor(name, "rsa", processes=procs), anchor(name, "ecc", processes=procs)
            if r or e:
                w(f"| openssl speed, sign/s, {procs} process{'es' if procs != '1' else ''} | "
                  f"{fmt(num((r or {}).get('sign_s')))} | {fmt(num((e or {}).get('sign_s')))} |")
        for t in ("1", "2"):
            r, e = ceiling("rsa", t), ceiling("ecc", t)
            if r or e:
                w(f"| in-process ceiling (certgate's CSR check + build + sign + PEM), certs/s, {t} thread"
                  f"{'s' if t != '1' else ''} (median; min-max) | "
                  + " | ".join(f"{fmt(num(x.get('certs_s')))} ({fmt(num(x.get('min')))}-{fmt(num(x.get('max')))})"
                               if x else "–" for x in (r, e)) + " |")
        for name, label in (("cfssl-no-db", "cfssl serve, no database"), ("cfssl-sqlite", "cfssl serve, SQLite certdb")):
            cs = sorted({a.get("c") for a in anchors if a.get("name") == name and a.get("c")})
            for c in cs:
                r, e = anchor(name, "rsa", c=c), anchor(name, "ecc", c=c)
                w(f"| {label}, c={c}: req/s (p99 ms; cfssl CPU cores) | "
                  + " | ".join(f"{fmt(num(x.get('req/s')))} ({x.get('p99_ms')}; {x.get('cfssl_cpu_cores')})"
                               if x else "–" for x in (r, e)) + " |")
        w()

    # ---------------------------------------------------------------- targets
    rows = []

    def target(text, figure, ok):
        rows.append((text, figure, "–" if ok is None else ("met" if ok else "MISSED")))

    def rate(p):
        return num(p.get("req/s")) if p else None

    r8, e8 = point("rsa", 8), point("ecc", 8)
    fr, fe = anchor("cfssl-no-db", "rsa", c="8"), anchor("cfssl-no-db", "ecc", c="8")
    dr, de = anchor("cfssl-sqlite", "rsa", c="8"), anchor("cfssl-sqlite", "ecc", c="8")
    ce = ceiling("ecc", "2")

    def ratio(a, b, need, text):
        if a is None or b is None or not b:
            target(text, "not measured in this run", None)
        else:
            target(text, f"{fmt(a)} / {fmt(b)} = {a / b:.2f} (needs >= {need})", a / b >= need)

    ratio(rate(r8), rate(fr), 1.0, "RSA-2048 apply c=8 >= cfssl without database c=8")
    ratio(rate(e8), rate(fe), 0.40, "P-256 apply c=8 >= 40% of cfssl without database c=8")
    ratio(rate(e8), num(ce.get("certs_s")) if ce else None, 0.85,
          "P-256 apply c=8 >= 85% of the in-process ceiling (2 threads)")
    for p, label in ((r8, "RSA-2048"), (e8, "P-256")):
        if p:
            v = num(p.get("p99_ms"))
            target(f"p99 at c=8 <= 25 ms ({label})", f"{p.get('p99_ms')} ms", v is not None and v <= 25)
        else:
            target(f"p99 at c=8 <= 25 ms ({label})", "not measured in this run", None)
    if points:
        com = max(num(p.get("heap_committed_mib")) or 0 for p in points)
        used = max(num(p.get("heap_used_mib")) or 0 for p in points)
        live = max(num(p.get("heap_live_mib")) or 0 for p in points)
        target("heap <= 512 MiB (largest committed heap after any point)",
               f"committed {fmt(com)} MiB (used before GC at most {fmt(used)}, live after full GC at most {fmt(live)})",
               com <= 512)
    else:
        target("heap <= 512 MiB", "not measured in this run", None)
    ratio(rate(r8), rate(dr), 3.0, "RSA-2048 apply c=8 >= 3x cfssl with its SQLite database c=8")
    ratio(rate(e8), rate(de), 3.0, "P-256 apply c=8 >= 3x cfssl with its SQLite database c=8")
    if size_ratio:
        for s in size_ratio:
            target(f"apply latency with {fmt(num(s.get('large')))} stored <= 1.2x with {fmt(num(s.get('small')))} "
                   f"(c=8, {s.get('alg')})",
                   f"p50 {s.get('p50_ratio')}x, p99 {s.get('p99_ratio')}x, req/s {s.get('rate_ratio')}x",
                   (num(s.get("p50_ratio")) or 99) <= 1.2)
    else:
        target("apply latency 1,000,000 stored <= 1.2x 1,000 stored", "not measured in this run (bench/latency-vs-size.sh)", None)
    if crls:
        for c in crls:
            v = num(c.get("resign_s")) or num(c.get("first_s"))
            target(f"CRL of {fmt(num(c.get('entries')))} revoked entries signed in <= 2 s ({c.get('authority')})",
                   f"first request {c.get('first_s')} s, re-sign after one more revocation {c.get('resign_s')} s, "
                   f"cached {c.get('cached_s')} s", (num(c.get("first_s")) or 99) <= 2 and (v or 99) <= 2)
    else:
        target("CRL of 100,000 revoked entries signed in <= 2 s", "not measured in this run (bench/crl-100k.sh)", None)
    if starts:
        for kind, label in (("restart", "restart, existing database"), ("first-start", "first start, empty database")):
            ks = [s for s in starts if s.get("kind") == kind]
            if ks:
                worst = max(num(s.get("ready_s")) or 0 for s in ks)
                target(f"server start to ready <= 15 s ({label})",
                       ", ".join(s.get("ready_s", "?") for s in ks) + f" s (worst {worst:.2f})", worst <= 15)
    else:
        target("server start to ready <= 15 s", "not measured in this run (bench/start-time.sh)", None)

    w("### Targets of issue 9")
    w()
    w("| target | figure | |")
    w("| --- | --- | --- |")
    for t, f, ok in rows:
        if show_all or not f.startswith("not measured"):
            w(f"| {t} | {f} | {ok} |")

    if sizes:
        w()
        w("### Apply latency against the number of stored certificates")
        w()
        w("| stored at start of point | alg | c | req/s | p50 ms | p99 ms | server CPU (cores) | machine busy (cores) |")
        w("| --- | --- | --- | --- | --- | --- | --- | --- |")
        for s in sizes:
            w(f"| {fmt(num(s.get('stored')))} | {s.get('alg')} | {s.get('c')} | {fmt(num(s.get('req/s')))} | "
              f"{s.get('p50_ms')} | {s.get('p99_ms')} | {s.get('server_cpu_cores')} | {s.get('host_busy_cores')} |")


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    args = sys.argv[1:]
    main([a for a in args if a != "--all"], show_all="--all" in args)
