#!/usr/bin/env bash
# Fuzzes parse + check for a fixed budget (docs/robustness.md, "Fuzzing"). Not part of `dotnet test` or CI.
#
#   tests/fuzz/run.sh [SECONDS] [afl|mutate|auto]      (defaults: 600 seconds, auto)
#
# afl     SharpFuzz + AFL++: builds the harness in Release, instruments CiteCheck's DLLs and Markdig with `dotnet sharpfuzz`
#         (a local tool: dotnet tool restore), and runs afl-fuzz over the spec documents (apt-get install afl++).
# mutate  no external tool: the harness's own seeded random-mutation loop over the same seed corpus, in process.
# auto    afl where afl-fuzz is installed, else mutate.
# Findings go to fuzz-out/ (crashes, hangs, the slowest input); replay one with
#   dotnet fuzz-out/bin/citecheck-fuzz.dll run FILE
# Every crash becomes a regression spec under tests/CiteCheck.Tests/Specs/Regression/ (see its README).
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-600}
mode=${2:-auto}
seed=${FUZZ_SEED:-$RANDOM}
out=${FUZZ_OUT:-fuzz-out}
if [ "$mode" = auto ]; then
  if command -v afl-fuzz >/dev/null 2>&1; then mode=afl; else mode=mutate; fi
fi
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
mkdir -p "$out"
bin="$out/bin"
dotnet build -c Release tests/fuzz/CiteCheck.Fuzz -o "$bin" -nologo -v q

# The seed corpus: the spec documents (each a few KB of every construct the parser knows) and the sample report.
seeds="$out/seeds"
rm -rf "$seeds" && mkdir -p "$seeds"
find tests/CiteCheck.Tests/Specs -name '*.md' ! -name README.md -exec cp {} "$seeds/" \;
cp content/tajikistan/report.md "$seeds/sample-report.md"

case "$mode" in
  mutate)
    dotnet "$bin/citecheck-fuzz.dll" mutate --corpus "$seeds" --seconds "$seconds" --seed "$seed" --crashes "$out/mutate" \
      | tee "$out/mutate.log"
    ;;
  afl)
    dotnet tool restore >/dev/null
    # Instrument the code under test (not the harness, not the runtime): the parser, the checks, the pipeline, Markdig.
    for dll in CiteCheck.Model.dll CiteCheck.Parsing.dll CiteCheck.Checks.dll CiteCheck.Compiler.dll Markdig.dll; do
      dotnet sharpfuzz "$bin/$dll" >/dev/null
    done
    # AFL wants small seeds: the spec documents only (the sample report is 130 KB).
    afl_seeds="$out/afl-seeds"
    rm -rf "$afl_seeds" && mkdir -p "$afl_seeds"
    find "$seeds" -name '*.md' -size -8k -exec cp {} "$afl_seeds/" \;
    rm -rf "$out/afl"
    AFL_SKIP_BIN_CHECK=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_NO_UI=1 AFL_NO_AFFINITY=1 \
      afl-fuzz -i "$afl_seeds" -o "$out/afl" -t 10000 -m none -V "$seconds" -s "$seed" -- dotnet "$bin/citecheck-fuzz.dll" afl \
      > "$out/afl.log" 2>&1 || true
    tail -n 30 "$out/afl.log"
    stats="$out/afl/default/fuzzer_stats"
    if [ -f "$stats" ]; then
      grep -E '^(execs_done|execs_per_sec|corpus_count|saved_crashes|saved_hangs|run_time|bitmap_cvg)' "$stats"
    fi
    crashes=$(find "$out/afl/default/crashes" -type f -name 'id:*' 2>/dev/null || true)
    if [ -n "$crashes" ]; then
      echo "replaying the crashes:"
      # shellcheck disable=SC2086
      dotnet "$bin/citecheck-fuzz.dll" run $crashes || true
    fi
    ;;
  *)
    echo "usage: $0 [SECONDS] [afl|mutate|auto]" >&2
    exit 2
    ;;
esac
