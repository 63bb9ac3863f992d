#!/usr/bin/env bash
# Size: one report of N megabytes, made of the sample repeated (each copy's years shifted by 0-6, as
# tests/benchmarks/scale does; its sources.yaml beside it), checked or built by one cold process, timed with
# /usr/bin/time: wall and CPU seconds, MB of Markdown per wall and per CPU second, peak memory (max RSS) and its ratio
# to the input; the load average of the machine before each run is printed with it.
#
#   tests/benchmarks/size/run.sh [sizes in MB...]         # default: 1 5 10 16.7 50
#
# CITECHECK names the binary (default: the Release build, src/CiteCheck.Cli/bin/Release/net10.0/citecheck, built if
# missing); COMMAND is check (default: check --format json --output FILE) or build (FORMAT: html,pdf by default);
# SHAPE is sample (default) or oneline: one line of N MB whose sentences end in "[Label](url) [1]." with no space
# between them, so that the whole line is one claim (docs/robustness.md).
set -euo pipefail
cd "$(dirname "$0")/../../.."
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1 5 10 16.7 50)
command=${COMMAND:-check}
format=${FORMAT:-html,pdf}
shape=${SHAPE:-sample}
citecheck=${CITECHECK:-src/CiteCheck.Cli/bin/Release/net10.0/citecheck}
[ -x "$citecheck" ] || dotnet build src/CiteCheck.Cli -c Release >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

generate() { # megabytes file
  python3 - "$1" "$2" "$shape" <<'PY'
import os, re, shutil, sys
mb, out, shape = float(sys.argv[1]), sys.argv[2], sys.argv[3]
target = int(mb * 1_000_000)
if shape == "oneline":
    s = "Police arrested 4 men in the capital [Reuters](https://r.example/a) [1]."
    open(out, "w", encoding="utf-8").write("# One Line\n\n" + s * (target // len(s) + 1) + "\n")
    sys.exit()
text = open("content/tajikistan/report.md", encoding="utf-8").read()
title, body = text.split("\n", 1)
parts, size, i = [title + "\n"], len(title) + 1, 0
while size < target:
    shift = i % 7
    copy = re.sub(r"\b(19[5-9]\d|20[0-3]\d)\b", lambda m: str(int(m.group(1)) + shift), body)
    parts.append(copy if copy.endswith("\n") else copy + "\n")
    size += len(copy.encode("utf-8"))
    i += 1
open(out, "w", encoding="utf-8").write("".join(parts))
shutil.copy("content/tajikistan/sources.yaml", os.path.join(os.path.dirname(out), "sources.yaml"))
PY
}

echo "citecheck $("$citecheck" --version), $(nproc) cores, command $command, shape $shape"
printf '| input | load before | exit | wall s | CPU s | MB/s (wall) | MB/s (CPU) | peak memory | peak / input |\n|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n'
for mb in "${sizes[@]}"; do
  dir="$work/r$mb"
  mkdir -p "$dir"
  generate "$mb" "$dir/report.md"
  bytes=$(wc -c <"$dir/report.md")
  load=$(cut -d' ' -f1 /proc/loadavg)
  if [ "$command" = build ]; then
    args=(build "$dir/report.md" --format "$format" --out "$work/out-$mb")
  else
    args=(check "$dir/report.md" --format json --output "$work/check-$mb.json" --fail-on never)
  fi
  set +e
  /usr/bin/time -f "%e %M %U %S" -o "$work/time-$mb" "$citecheck" "${args[@]}" >"$work/log-$mb" 2>&1
  code=$?
  set -e
  [ "$code" -le 2 ] || { echo "citecheck failed on $mb MB (exit $code):" >&2; tail -5 "$work/log-$mb" >&2; exit 1; }
  [ "$code" -ne 2 ] || echo "refused: $(grep -m1 'error' "$work/log-$mb")"
  read -r wall rss user sys < <(tail -1 "$work/time-$mb")
  awk -v b="$bytes" -v l="$load" -v c="$code" -v w="$wall" -v r="$rss" -v u="$user" -v s="$sys" 'BEGIN { cpu = u + s; printf "| %.2f MB | %s | %d | %.1f | %.1f | %.2f | %.2f | %.0f MB | %.0f× |\n", b / 1e6, l, c, w, cpu, b / 1e6 / w, b / 1e6 / cpu, r / 1024, r * 1024 / b }'
done
