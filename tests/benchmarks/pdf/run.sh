#!/usr/bin/env bash
# Times the native PDF engine against WeasyPrint on the sample report, in one run, and prints a Markdown table.
#   tests/benchmarks/pdf/run.sh            (RUNS=N to change the number of timed rounds, default 7, after one warm-up round)
# Needs: the .NET SDK, weasyprint (Debian: apt-get install weasyprint), pdfinfo (poppler-utils), and pandoc when the
# build has no HTML edition yet (WeasyPrint then prints pandoc's standalone HTML of the same Markdown).
# Each timed run is a whole process, from its input to a PDF: `citecheck build --format pdf` (start .NET, read,
# parse, check, lay out, draw) against `weasyprint report.html out.pdf` (start Python, parse HTML and CSS, lay out, draw).
# citecheck is timed twice: published ReadyToRun (precompiled, as a release would ship it) and as a plain build run
# with `dotnet citecheck.dll` (every method JIT-compiled at start-up). The three alternate within each round, so load
# from other work on the machine falls on all of them alike.
set -euo pipefail
cd "$(dirname "$0")/../../.."
runs=${RUNS:-7}
report=content/tajikistan/report.md
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export SOURCE_DATE_EPOCH=1717200000 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

dotnet build src/CiteCheck.Cli -c Release -o "$work/bin" >"$work/build.log" 2>&1 || { cat "$work/build.log"; exit 1; }
dotnet publish src/CiteCheck.Cli -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$work/r2r" \
  >"$work/publish.log" 2>&1 || { cat "$work/publish.log"; exit 1; }
jit=(dotnet "$work/bin/citecheck.dll")
r2r=("$work/r2r/citecheck")

if "${jit[@]}" build "$report" --format html --out "$work/html" >/dev/null 2>&1 && [ -f "$work/html/report.html" ]; then
  html="$work/html/report.html"
  input="the HTML edition (citecheck build --format html)"
else
  title=$(sed -n 's/^# //p' "$report" | head -1)
  pandoc "$report" -s --metadata title="$title" -o "$work/pandoc.html"
  html="$work/pandoc.html"
  input="pandoc's standalone HTML of report.md (this build has no HTML edition yet)"
fi

# Milliseconds one command takes, its output discarded.
ms() { local start end; start=$(date +%s%N); "$@" >/dev/null 2>&1; end=$(date +%s%N); echo $(((end - start) / 1000000)); }
median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : int((a[NR / 2] + a[NR / 2 + 1]) / 2) }'; }
pages() { pdfinfo "$1" | awk '/^Pages:/ { print $2 }'; }

t_r2r=() t_jit=() t_weasy=()
for i in $(seq 0 "$runs"); do
  a=$(ms "${r2r[@]}" build "$report" --format pdf --pdf-engine native --out "$work/r2r-out")
  b=$(ms "${jit[@]}" build "$report" --format pdf --pdf-engine native --out "$work/jit-out")
  c=$(ms weasyprint "$html" "$work/weasy.pdf")
  if [ "$i" -gt 0 ]; then t_r2r+=("$a"); t_jit+=("$b"); t_weasy+=("$c"); fi
done
m_r2r=$(printf '%s\n' "${t_r2r[@]}" | median)
m_jit=$(printf '%s\n' "${t_jit[@]}" | median)
m_weasy=$(printf '%s\n' "${t_weasy[@]}" | median)

echo "PDF benchmark: $report, $runs rounds after one warm-up, $(nproc) cores, .NET SDK $(dotnet --version), $(date -u +%Y-%m-%d)"
echo "WeasyPrint input: $input"
echo
echo "| engine | median (ms) | runs (ms) | pages |"
echo "| --- | ---: | --- | ---: |"
echo "| citecheck native engine, ReadyToRun | $m_r2r | ${t_r2r[*]} | $(pages "$work/r2r-out/report.pdf") |"
echo "| citecheck native engine, JIT (dotnet citecheck.dll) | $m_jit | ${t_jit[*]} | $(pages "$work/jit-out/report.pdf") |"
echo "| $(weasyprint --version) | $m_weasy | ${t_weasy[*]} | $(pages "$work/weasy.pdf") |"
echo
awk -v r="$m_r2r" -v j="$m_jit" -v w="$m_weasy" \
  'BEGIN { printf "WeasyPrint / native: %.1f× (ReadyToRun), %.1f× (JIT); target 3×\n", w / r, w / j }'
echo "load average after the run: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
