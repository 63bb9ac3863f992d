#!/usr/bin/env bash
# Peak memory of `citecheck links` against hostile pages (tests/benchmarks/links/hostile-server.js): a 200 MiB gzip bomb,
# 100 MiB pages with and without Content-Length, a million tiny elements (plain and gzip), a corrupt gzip body, and
# TEXT_PAGES pages (default 200) whose text passes the 500,000-character cap, all in one report. Prints each URL's state,
# the findings, and the citecheck child process's peak RSS (GNU time's %M).
#
#   tests/benchmarks/links/memory.sh
#   TEXT_PAGES=400 CITECHECK=path/to/citecheck tests/benchmarks/links/memory.sh
set -euo pipefail
cd "$(dirname "$0")/../../.."
TEXT_PAGES=${TEXT_PAGES:-200}
WORK=$(mktemp -d)
trap 'kill "${SERVER_PID:-0}" 2>/dev/null || true; rm -rf "$WORK"' EXIT
if [ -z "${CITECHECK:-}" ]; then
  dotnet build src/CiteCheck.Cli -c Release -o "$WORK/cli" >/dev/null
  CITECHECK="$WORK/cli/citecheck"
fi
node tests/benchmarks/links/hostile-server.js >"$WORK/port" &
SERVER_PID=$!
for _ in $(seq 1 600); do [ -s "$WORK/port" ] && break; sleep 0.1; done
PORT=$(cat "$WORK/port")
{
  echo "# Hostile pages"
  echo
  i=1
  for path in bomb huge huge-length elements elements-gz corrupt; do
    echo "The page $path is cited. (Sources: [Hostile](http://127.0.0.1:$PORT/$path) [$i])"
    echo
    i=$((i + 1))
  done
  for n in $(seq 1 "$TEXT_PAGES"); do
    echo "The ministry counted $((1000 + n)) households. (Sources: [Text](http://127.0.0.1:$PORT/text/$n) [$i])"
    echo
    i=$((i + 1))
  done
} >"$WORK/report.md"
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); $(git rev-parse --short HEAD); $((TEXT_PAGES + 6)) URLs"
(cd "$WORK" && /usr/bin/time -f "%e s wall, %M KB peak RSS, %U s user, %S s system" -o "$WORK/time.txt" \
  "$CITECHECK" links report.md --allow-private --cache "$WORK/cache" --fail-on never >"$WORK/out.txt" 2>"$WORK/err.txt") || true
grep -E 'CC300[0-9]' "$WORK/out.txt" | sed "s|$PORT|PORT|g" | sed 's/^/  /' || true
echo "  ok pages: $(grep -cE '^ok ' "$WORK/out.txt" || true)"
tail -1 "$WORK/err.txt"
cat "$WORK/time.txt"
