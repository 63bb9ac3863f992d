#!/usr/bin/env bash
# Scale: 1, 10 and 100 reports (variants of the sample: each copy's years shifted and its title numbered, so copies
# differ) built from one command, `citecheck build <folder>` (both editions of every report, in parallel on the
# machine's cores), timed with /usr/bin/time: wall seconds, MB of Markdown per second, peak memory (max RSS).
#
#   tests/benchmarks/scale/run.sh [counts...]        # default: 1 10 100
#
# CITECHECK names the binary (default: the Release build, src/CiteCheck.Cli/bin/Release/net10.0/citecheck, built if
# missing); FORMAT the editions (default html,pdf).
set -euo pipefail
cd "$(dirname "$0")/../../.."
counts=("$@")
[ ${#counts[@]} -gt 0 ] || counts=(1 10 100)
format=${FORMAT:-html,pdf}
citecheck=${CITECHECK:-src/CiteCheck.Cli/bin/Release/net10.0/citecheck}
[ -x "$citecheck" ] || dotnet build src/CiteCheck.Cli -c Release >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

generate() { # count folder
  python3 - "$1" "$2" <<'PY'
import os, re, sys
count, folder = int(sys.argv[1]), sys.argv[2]
text = open("content/tajikistan/report.md", encoding="utf-8").read()
sources = open("content/tajikistan/sources.yaml", encoding="utf-8").read() if os.path.exists("content/tajikistan/sources.yaml") else None
for i in range(count):
    d = os.path.join(folder, f"r{i:03}")
    os.makedirs(d)
    shift = i % 7
    body = re.sub(r"\b(19[5-9]\d|20[0-3]\d)\b", lambda m: str(int(m.group(1)) + shift), text)
    body = re.sub(r"^# (.*)$", lambda m: f"# {m.group(1)} (variant {i + 1})", body, count=1, flags=re.M)
    open(os.path.join(d, "report.md"), "w", encoding="utf-8").write(body)
    if sources:
        open(os.path.join(d, "sources.yaml"), "w", encoding="utf-8").write(sources)
PY
}

echo "citecheck $("$citecheck" --version), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), format $format"
printf '| reports | Markdown | wall s | CPU s | MB/s (wall) | wall s per report | peak memory |\n|---:|---:|---:|---:|---:|---:|---:|\n'
for n in "${counts[@]}"; do
  dir="$work/reports-$n"
  generate "$n" "$dir"
  bytes=$(cat "$dir"/*/report.md | wc -c)
  /usr/bin/time -f "%e %M %U %S" -o "$work/time-$n" "$citecheck" build "$dir" --format "$format" --out "$work/out-$n" >"$work/log-$n" 2>&1 || true
  tail -1 "$work/log-$n" | grep -q "$n report" || { echo "build of $n reports did not finish:" >&2; tail -5 "$work/log-$n" >&2; exit 1; }
  read -r wall rss user sys <"$work/time-$n"
  awk -v n="$n" -v b="$bytes" -v w="$wall" -v r="$rss" -v u="$user" -v s="$sys" 'BEGIN { c = u + s; printf "| %d | %.2f MB | %.1f | %.1f | %.3f | %.2f | %.0f MB |\n", n, b / 1e6, w, c, b / 1e6 / w, w / n, r / 1024 }'
done
