#!/usr/bin/env bash
# Kill runs (docs/robustness.md, "Kill runs"): kills `citecheck build` with SIGKILL at random moments, N times (default 60),
# and checks after each kill that the folder holds a whole, readable edition (the previous or the new one) and that
# the next build is not tripped by what the killed one left. It runs the same test as `dotnet test` does with 10 kills:
#   tests/tools/kill-runs.sh [KILLS] [SEED]
set -euo pipefail
cd "$(dirname "$0")/../.."
kills=${1:-60}
seed=${2:-$RANDOM}
log=$(mktemp)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
start=$(date +%s)
CITECHECK_KILL_RUNS=$kills CITECHECK_KILL_SEED=$seed CITECHECK_KILL_LOG=$log \
  dotnet test tests/CiteCheck.Tests --filter "FullyQualifiedName~EditionKillTests.A_build_killed_at_any_moment" \
  --logger "console;verbosity=minimal"
status=$?
cat "$log"
echo "kill runs: $kills kills, seed $seed, $(( $(date +%s) - start )) s, exit $status"
rm -f "$log"
exit $status
