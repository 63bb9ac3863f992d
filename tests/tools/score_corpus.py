#!/usr/bin/env python3
"""Score the cross-check on labelled folders (key format of shared/corpus), with the rule of shared/corpus/README.md.
Build first: dotnet build -c Release src/CiteCheck.Cli (or set CC to a citecheck binary). Usage: score_corpus.py [-q] DIR... (each DIR holds
report.md + expected.json, or holds such folders). -q prints only totals (for sealed sets)."""
import json, subprocess, sys, os, collections
CC = os.environ.get("CC", os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "src", "CiteCheck.Cli", "bin", "Release", "net10.0", "citecheck"))
quiet = "-q" in sys.argv
args = [a for a in sys.argv[1:] if a != "-q"]
folders = []
for a in args:
    if os.path.exists(os.path.join(a, "expected.json")):
        folders.append(a)
    else:
        folders += sorted(os.path.join(a, d) for d in os.listdir(a) if os.path.exists(os.path.join(a, d, "expected.json")))
T = collections.Counter()
kinds = collections.defaultdict(collections.Counter)
for f in folders:
    key = json.load(open(os.path.join(f, "expected.json")))
    rep = os.path.join(f, key.get("document", "report.md"))
    words = len(open(rep).read().split())
    out = subprocess.run([CC, "check", rep, "--format", "json", "--fail-on", "never"], capture_output=True, text=True)
    try:
        data = json.loads(out.stdout)
    except Exception:
        print(f, "FAILED", out.stderr[:500]); continue
    found = set(); false = []; ignored = 0; reported = 0
    for d in data["discrepancies"]:
        if d["status"] not in ("open",):
            # explained ones are not counted as open findings, but a false explained still shows: count as reported
            pass
        reported += 1
        lines = set()
        for c in d["claims"]:
            lines.add(c["line"])
        m = [k for k in key["conflicts"] if k["kind"] == d["kind"] and all(any(l in lines for l in side) for side in k["sides"])]
        if m:
            found.update(k["id"] for k in m)
        elif any(all(l in n["lines"] for l in lines) for n in key.get("neutral", [])):
            ignored += 1
        else:
            false.append(d)
    n = len(key["conflicts"])
    T["conflicts"] += n; T["found"] += len(found); T["reported"] += reported - ignored; T["false"] += len(false); T["words"] += words
    for k in key["conflicts"]:
        kinds[k["kind"]]["conflicts"] += 1
        if k["id"] in found: kinds[k["kind"]]["found"] += 1
    for d in false:
        kinds[d["kind"]]["false"] += 1
    print(f"{os.path.basename(f):24s} found {len(found)}/{n}  false {len(false)}/{reported-ignored}  words {words}")
    if not quiet:
        for k in key["conflicts"]:
            if k["id"] not in found:
                print(f"   MISS {k['id']} {k['kind']} {k['sides']} {k['values']} :: {k['what'][:100]}")
        for d in false:
            vals = " | ".join(sorted({c['value'] for c in d['claims']}))
            print(f"   FALSE {d['kind']} {d['status']} lines {sorted({c['line'] for c in d['claims']})}: {vals[:120]} :: {d['subject'][:80]}")
prec = (T["reported"] - T["false"]) / T["reported"] if T["reported"] else 1
print(f"TOTAL found {T['found']}/{T['conflicts']} = {T['found']/max(1,T['conflicts']):.0%}  false {T['false']}/{T['reported']}  precision {prec:.0%}  false/10k words {T['false']*10000/max(1,T['words']):.1f}")
for k, c in sorted(kinds.items()):
    print(f"   {k:8s} found {c['found']}/{c['conflicts']} false {c['false']}")
