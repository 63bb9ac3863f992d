#!/usr/bin/env bash
# Issue 14's link benchmark: `citecheck links` against `linkinator --retry --retry-errors` on the same 1,000 cited URLs,
# in the same run. The URLs are spread over 20 loopback hosts (127.0.0.1 … 127.0.0.20) served by
# tests/benchmarks/links/server.js: 50 ms latency, every 20th page (5%) answering 429 (Retry-After: 1) or 503 twice
# before 200, the rest 200 with a small HTML page whose <title> matches the bibliography and whose text holds the
# figure the claim cites. Every page exists and is the right page, so every finding either tool reports is false.
#
# Each run gets a fresh server (so each tool meets every 429 and 503) and an empty cache; the tools alternate, so both
# see the same load. Prints one line per run (wall and CPU time, the load average), then a table: median and each run's
# wall time, median CPU time (user + system), the ratios, the worst run's
# findings, and what the server saw (requests, the most in flight to one host, requests sent before a Retry-After ran out).
#
#   tests/benchmarks/links/run.sh                 1,000 URLs, 3 runs per tool
#   N=200 REPEAT=5 tests/benchmarks/links/run.sh  other sizes
#   CITECHECK=path/to/citecheck tests/benchmarks/links/run.sh   a citecheck already built (published ReadyToRun)
#   CITECHECK_ARGS="--host-concurrency 4" …       extra options for citecheck links
#
# Needs: dotnet, node, bc, curl, /usr/bin/time (GNU time), and linkinator on PATH (npm i -g linkinator) or in $LC/node_modules/.bin.
set -euo pipefail
cd "$(dirname "$0")/../../.."
N=${N:-${1:-1000}}
HOSTS=${HOSTS:-20}
REPEAT=${REPEAT:-3}
LC=${LC:-/tmp/lc}
WORK=$(mktemp -d)
trap 'kill "${SERVER_PID:-0}" 2>/dev/null || true; rm -rf "$WORK"' EXIT

LINKINATOR=$(command -v linkinator || true)
if [ -z "$LINKINATOR" ]; then
  [ -x "$LC/node_modules/.bin/linkinator" ] || npm install --prefix "$LC" linkinator >/dev/null
  LINKINATOR="$LC/node_modules/.bin/linkinator"
fi
if [ -z "${CITECHECK:-}" ]; then
  # Published ReadyToRun, as README's fast path and the tool package: a plain build compiles everything at run time.
  dotnet publish src/CiteCheck.Cli -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$WORK/cli" >/dev/null
  CITECHECK="$WORK/cli/citecheck"
fi

start_server() {
  rm -f "$WORK/port"
  HOSTS=$HOSTS node tests/benchmarks/links/server.js >"$WORK/port" &
  SERVER_PID=$!
  for _ in $(seq 1 300); do [ -s "$WORK/port" ] && break; sleep 0.1; done
  PORT=$(cat "$WORK/port")
}
stop_server() {
  STATS=$(curl -s --max-time 10 "http://127.0.0.1:$PORT/stats" || echo '{}')
  kill "$SERVER_PID"
  wait "$SERVER_PID" 2>/dev/null || true
}
stat() { echo "$STATS" | sed -n "s/.*\"$1\":\([0-9]*\).*/\1/p"; }

# The report cites page i on host ((i - 1) % HOSTS) + 1; the bibliography gives each page's title.
write_report() {
  python3 - "$N" "$HOSTS" "$PORT" "$WORK" <<'EOF'
import sys
n, hosts, port, work = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3], sys.argv[4]
url = lambda i: f"http://127.0.0.{(i - 1) % hosts + 1}:{port}/page/{i}"
with open(f"{work}/report.md", "w") as f:
    f.write("# Benchmark\n\n")
    for i in range(1, n + 1):
        f.write(f"The ministry counted {i * 7 + 1000} households without water. (Sources: [Host {(i - 1) % hosts + 1} News]({url(i)}) [{i}])\n\n")
with open(f"{work}/sources.yaml", "w") as f:
    f.write("sources:\n")
    for i in range(1, n + 1):
        f.write(f"  - id: {i}\n    publisher: Host {(i - 1) % hosts + 1} News\n    title: \"Water report {i}: district supply\"\n    url: {url(i)}\n")
EOF
}
now() { date +%s.%N; }

# citecheck: every link finding (CC3xxx) is false here. linkinator: every link it does not call OK.
findings_citecheck() { grep -cE ': (error|warning|info) CC3[0-9]{3}' "$1" || true; }
findings_linkinator() { python3 -c 'import json,sys; print(sum(1 for l in json.load(open(sys.argv[1]))["links"] if l["state"] != "OK"))' "$1" 2>/dev/null || echo "?"; }

declare -A TIMES CPUS FINDINGS REQUESTS INFLIGHT EARLY
run_once() {
  local tool=$1; shift
  start_server
  write_report
  rm -rf "$WORK/cache"
  local t0 t1 t cpu
  t0=$(now)
  (cd "$WORK" && /usr/bin/time -f '%U %S' -o "$WORK/cpu.txt" "$@" >"$WORK/out.txt" 2>"$WORK/err.txt") || true
  t1=$(now)
  stop_server
  t=$(echo "$t1 - $t0" | bc)
  cpu=$(awk 'END { printf "%.2f", $1 + $2 }' "$WORK/cpu.txt")
  local f
  f=$("findings_$tool" "$WORK/out.txt")
  printf '  %-10s %6.2f s  cpu %5.2f s  findings %s  requests %s  max in flight per host %s  before Retry-After %s  load %s\n' \
    "$tool" "$t" "$cpu" "$f" "$(stat requests)" "$(stat maxInFlightPerHost)" "$(stat tooEarly)" "$(cut -d' ' -f1 /proc/loadavg)"
  TIMES[$tool]+="$t "
  CPUS[$tool]+="$cpu "
  FINDINGS[$tool]+="$f "
  REQUESTS[$tool]=$(stat requests)
  INFLIGHT[$tool]+="$(stat maxInFlightPerHost) "
  EARLY[$tool]+="$(stat tooEarly) "
}
median() { printf '%s\n' $1 | sort -n | sed -n "$(( ($(printf '%s\n' $1 | wc -l) + 1) / 2 ))p"; }
most() { printf '%s\n' $1 | sort -n | tail -1; }

echo "URLs: $N over $HOSTS hosts, latency 50 ms, 5% answering 429 (Retry-After: 1) or 503 twice before 200; $REPEAT runs each"
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); linkinator $("$LINKINATOR" --version); $(git rev-parse --short HEAD)"
for r in $(seq 1 "$REPEAT"); do
  echo "run $r"
  # shellcheck disable=SC2086
  run_once citecheck "$CITECHECK" links report.md --allow-private --cache "$WORK/cache" --fail-on never ${CITECHECK_ARGS:-}
  run_once linkinator "$LINKINATOR" report.md --markdown --format json --retry --retry-errors
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
cc=$(median "${TIMES[citecheck]}")
lk=$(median "${TIMES[linkinator]}")
ccc=$(median "${CPUS[citecheck]}")
lkc=$(median "${CPUS[linkinator]}")
echo "| tool | median wall s | each run (s) | median CPU s | findings (worst run) | requests | most in flight to one host | sent before Retry-After ran out |"
echo "| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: |"
printf '| citecheck links %s | %.2f | %s| %.2f | %s | %s | %s | %s |\n' "${CITECHECK_ARGS:-(defaults)}" "$cc" "$(printf '%.2f ' ${TIMES[citecheck]})" "$ccc" \
  "$(most "${FINDINGS[citecheck]}")" "${REQUESTS[citecheck]}" "$(most "${INFLIGHT[citecheck]}")" "$(most "${EARLY[citecheck]}")"
printf '| linkinator --retry --retry-errors | %.2f | %s| %.2f | %s | %s | %s | %s |\n' "$lk" "$(printf '%.2f ' ${TIMES[linkinator]})" "$lkc" \
  "$(most "${FINDINGS[linkinator]}")" "${REQUESTS[linkinator]}" "$(most "${INFLIGHT[linkinator]}")" "$(most "${EARLY[linkinator]}")"
echo
printf 'linkinator / citecheck (medians): wall %.2f×, CPU %.2f×\n' "$(echo "$lk / $cc" | bc -l)" "$(echo "$lkc / $ccc" | bc -l)"
