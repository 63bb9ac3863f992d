#!/usr/bin/env bash
# Times `citecheck links` against linkinator and markdown-link-check on the same 1,000 URLs, served by one loopback
# server (tests/benchmarks/links/server.js: 50 ms latency, 5% of the pages answering 429 or 503 once). Every page exists, so every
# "broken" a tool reports is false. Each tool gets a fresh server (so each meets the 429s and 503s) and no cache.
#
#   tests/benchmarks/links/run.sh [N]            N URLs (default 1000)
#   CITECHECK=path/to/citecheck tests/benchmarks/links/run.sh   use a citecheck already built (Release) instead of building one
#
# Needs: dotnet, node and npm. The npm tools are installed into $LC (default /tmp/lc) when missing:
#   npm install --prefix /tmp/lc linkinator markdown-link-check
set -euo pipefail
cd "$(dirname "$0")/../../.."
N=${1:-1000}
LC=${LC:-/tmp/lc}
WORK=$(mktemp -d)
trap 'kill "${SERVER_PID:-0}" 2>/dev/null || true; rm -rf "$WORK"' EXIT

if [ ! -x "$LC/node_modules/.bin/linkinator" ] || [ ! -x "$LC/node_modules/.bin/markdown-link-check" ]; then
  npm install --prefix "$LC" linkinator markdown-link-check >/dev/null
fi
if [ -z "${CITECHECK:-}" ]; then
  dotnet build src/CiteCheck.Cli -c Release -o "$WORK/cli" >/dev/null
  CITECHECK="$WORK/cli/citecheck"
fi

start_server() {
  rm -f "$WORK/port"
  node tests/benchmarks/links/server.js >"$WORK/port" &
  SERVER_PID=$!
  for _ in $(seq 1 300); do [ -s "$WORK/port" ] && break; sleep 0.1; done
  PORT=$(cat "$WORK/port")
}
stop_server() {
  REQUESTS=$(curl -s --max-time 10 "http://127.0.0.1:$PORT/stats" | sed 's/[^0-9]//g' || echo "?")
  kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true
}
write_report() {
  {
    echo "# Benchmark"
    echo
    for i in $(seq 1 "$N"); do
      echo "Claim $i of the benchmark. (Sources: [Page $i](http://127.0.0.1:$PORT/page/$i) [$i])"
      echo
    done
  } >"$WORK/report.md"
}
now() { date +%s.%N; }

# name, how to count broken links in its output, command (run from $WORK). Runs it $REPEAT times, each on a fresh
# server with an empty cache, and prints the median time, every run's time, the most false broken links of any run
# and the requests the server saw in the median run.
REPEAT=${REPEAT:-3}
run() {
  local name=$1 count=$2; shift 2
  local times=() brokens=() requests=()
  for _ in $(seq 1 "$REPEAT"); do
    start_server
    write_report
    rm -rf "$WORK/cache"
    local t0 t1
    t0=$(now)
    (cd "$WORK" && "$@" >"$WORK/out.txt" 2>"$WORK/err.txt") || true
    t1=$(now)
    stop_server
    times+=("$(echo "$t1 - $t0" | bc)")
    brokens+=("$($count "$WORK/out.txt" "$WORK/err.txt")")
    requests+=("$REQUESTS")
  done
  local sorted median all most
  sorted=$(printf '%s\n' "${times[@]}" | sort -n)
  median=$(echo "$sorted" | sed -n "$(( (REPEAT + 1) / 2 ))p")
  all=$(printf '%.2f ' "${times[@]}")
  most=$(printf '%s\n' "${brokens[@]}" | sort -n | tail -1)
  printf '| %s | %.2f | %s| %s | %s |\n' "$name" "$median" "$all" "$most" "${requests[0]}"
}

count_citecheck() { grep -c 'CC3001 broken-link' "$1" || true; }
count_linkinator() { grep -c '"state": "BROKEN"' "$1" || true; }
count_mlc() { grep -c '\[✖\]' "$1" || true; }

echo "URLs: $N, latency 50 ms, 5% answering 429 (Retry-After: 1) or 503 once; $REPEAT runs each; $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| tool and options | median s | each run (s) | false broken (worst run) | requests served |"
echo "| --- | ---: | --- | ---: | ---: |"
run "citecheck links (defaults: 32 at once, 8 per host)" count_citecheck \
  "$CITECHECK" links report.md --allow-private --cache "$WORK/cache" --fail-on never
run "citecheck links --concurrency 100 --host-concurrency 100" count_citecheck \
  "$CITECHECK" links report.md --allow-private --cache "$WORK/cache" --concurrency 100 --host-concurrency 100 --fail-on never
run "linkinator (defaults: concurrency 100)" count_linkinator \
  "$LC/node_modules/.bin/linkinator" report.md --markdown --format json
run "linkinator --retry --retry-errors" count_linkinator \
  "$LC/node_modules/.bin/linkinator" report.md --markdown --format json --retry --retry-errors
run "markdown-link-check (defaults)" count_mlc \
  "$LC/node_modules/.bin/markdown-link-check" -q report.md
echo '{"retryOn429": true, "retryCount": 2}' >"$WORK/mlc.json"
run "markdown-link-check retryOn429" count_mlc \
  "$LC/node_modules/.bin/markdown-link-check" -q -c "$WORK/mlc.json" report.md
