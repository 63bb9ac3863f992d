#!/usr/bin/env bash
# Cold start: `citecheck build report.md --format html` (read, parse, check, cross-check, print the findings, write the
# HTML edition and check.json) against `pandoc -f markdown -t html` on the same file, side by side in one run.
# Each round runs every command once, one after the other, so load from other work falls on all of them alike;
# N rounds (default 10, after one warm-up round for the disk cache), median per command. No hyperfine needed.
#
#   tests/benchmarks/coldstart/run.sh [N] [report.md]
#
# Variants of citecheck: published ReadyToRun (what the tool package ships, see docs/benchmarks.md), and the plain
# JIT build (`dotnet build -c Release`). R2R_DIR / JIT_DIR reuse existing outputs instead of building them.
set -euo pipefail
cd "$(dirname "$0")/../../.."
N=${1:-10}
report=${2:-content/tajikistan/report.md}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
command -v pandoc >/dev/null || { echo "pandoc is not installed (apt-get install pandoc)" >&2; exit 1; }

r2r=${R2R_DIR:-}
if [ -z "$r2r" ]; then
  r2r="$work/r2r"
  dotnet publish src/CiteCheck.Cli -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$r2r" >"$work/publish.log" 2>&1 \
    || { cat "$work/publish.log"; exit 1; }
fi
jit=${JIT_DIR:-src/CiteCheck.Cli/bin/Release/net10.0}
if [ -z "${JIT_DIR:-}" ]; then
  dotnet build src/CiteCheck.Cli -c Release >"$work/build.log" 2>&1 || { cat "$work/build.log"; exit 1; }
fi

names=("citecheck build --format html (ReadyToRun)" "citecheck build --format html (JIT)" "pandoc -f markdown -t html")
run() {
  case $1 in
    0) "$r2r/citecheck" build "$report" --format html --out "$work/o0" >/dev/null || true ;;
    1) dotnet "$jit/citecheck.dll" build "$report" --format html --out "$work/o1" >/dev/null || true ;;
    2) pandoc -f markdown -t html "$report" -o "$work/p.html" ;;
  esac
}
# Wall and CPU (user + system) milliseconds of one run; on a machine shared with other work the CPU figure is the steady one.
export -f run
export r2r jit report work
for i in 0 1 2; do run $i; done   # warm-up: the disk cache, not the process
declare -A times cpu
for round in $(seq 1 "$N"); do
  for i in 0 1 2; do
    /usr/bin/time -f "%e %U %S" -o "$work/t" bash -c "run $i"
    read -r wall user sys <"$work/t"
    times[$i]="${times[$i]:-} $(awk -v w="$wall" 'BEGIN { printf "%d", w * 1000 }')"
    cpu[$i]="${cpu[$i]:-} $(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%d", (u + s) * 1000 }')"
  done
done
median() { tr ' ' '\n' | grep -v '^$' | sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : int((a[NR / 2] + a[NR / 2 + 1]) / 2) }'; }
echo "report: $report ($(wc -c <"$report") bytes), $N rounds, $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "pandoc: $(pandoc --version | head -1); citecheck: $("$r2r/citecheck" --version)"
printf '| %s | %s | %s | %s |\n' command "median wall ms" "median CPU ms" "wall runs (ms)"
printf '|---|---:|---:|---|\n'
declare -A med medcpu
for i in 0 1 2; do
  med[$i]=$(echo "${times[$i]}" | median)
  medcpu[$i]=$(echo "${cpu[$i]}" | median)
  printf '| %s | %s | %s | %s |\n' "${names[$i]}" "${med[$i]}" "${medcpu[$i]}" "${times[$i]# }"
done
awk -v a="${med[0]}" -v b="${med[1]}" -v p="${med[2]}" -v ca="${medcpu[0]}" -v cb="${medcpu[1]}" -v cp="${medcpu[2]}" \
  'BEGIN { printf "ratio to pandoc, wall: ReadyToRun %.2f, JIT %.2f; CPU: ReadyToRun %.2f, JIT %.2f (below 1: faster than pandoc)\n", a / p, b / p, ca / cp, cb / cp }'
