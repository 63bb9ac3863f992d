#!/usr/bin/env bash
# Reads the same generated bibliography as sources.yaml and as CSL-JSON (N items each: a container-title, a title,
# a URL, an issued and an accessed date) through `citecheck check` of a one-line report, five times each, and prints the
# "report and bibliography read" step of CITECHECK_TIMING=1 (wall and CPU ms). unused-source is off, so nothing is printed
# per item. Usage: tests/benchmarks/bibliography/run.sh [N ...]   (default: 10000 30000; a Release build of the CLI first)
set -euo pipefail
root="$(cd "$(dirname "$0")/../../.." && pwd)"
cli="$root/src/CiteCheck.Cli/bin/Release/net10.0/citecheck"
[ -x "$cli" ] || { echo "build first: dotnet build src/CiteCheck.Cli -c Release" >&2; exit 1; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
printf '# R\n\nPolice arrested four men in 2020. (Sources: [Publisher 1](https://example.org/articles/1) [1])\n' > "$work/report.md"
printf 'rules:\n  unused-source: off\n' > "$work/citecheck.yaml"
for n in "${@:-10000 30000}"; do
  for k in $n; do
    python3 - "$work" "$k" <<'PY'
import json, sys
work, n = sys.argv[1], int(sys.argv[2])
items = [{"id": i, "type": "article-newspaper", "container-title": f"Publisher {i % 50}", "title": f"Title of the article number {i}",
          "URL": f"https://example.org/articles/{i}", "issued": {"date-parts": [[2000 + i % 25, 1 + i % 12, 1 + i % 28]]},
          "accessed": {"date-parts": [[2024, 6, 1]]}} for i in range(1, n + 1)]
open(f"{work}/sources-{n}.csl.json", "w").write(json.dumps(items, indent=2) + "\n")
with open(f"{work}/sources-{n}.yaml", "w") as f:
    f.write("sources:\n")
    for it in items:
        y, m, d = it["issued"]["date-parts"][0]
        f.write(f"  - id: {it['id']}\n    publisher: {it['container-title']}\n    title: {it['title']}\n    url: {it['URL']}\n"
                f"    date: {y:04d}-{m:02d}-{d:02d}\n    accessed: 2024-06-01\n")
PY
    for file in "sources-$k.yaml" "sources-$k.csl.json"; do
      echo "$file ($(stat -c %s "$work/$file") bytes)"
      for _ in 1 2 3 4 5; do
        (cd "$work" && CITECHECK_TIMING=1 "$cli" check report.md --sources "$file" 2>&1 >/dev/null | grep "bibliography read")
      done
    done
  done
done
