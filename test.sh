#!/usr/bin/env bash
# Runs every test: builds the solution, installs a Chromium if none is found (the integration tests drive a real
# browser), then runs the unit and integration test projects. Extra arguments go to 'dotnet test'.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$here"
# shellcheck source=scripts/provision.sh
source "$here/scripts/provision.sh"
ensure_dotnet

dotnet build Archive.sln -c Release --nologo -v quiet -clp:ErrorsOnly
ensure_chromium "$here/src/Archive.Cli/bin/Release/net10.0/archive.dll"
ensure_archive_readers

log="$(mktemp)"
trap 'rm -f "$log"' EXIT
status=0
dotnet test Archive.sln -c Release --no-build --nologo "$@" 2>&1 | tee "$log" || status=$?

# One plain closing line over every test assembly, for people and for CI log readers.
awk '/(Passed|Failed)! +- +Failed:/ {
       for (i = 1; i <= NF; i++) { v = $(i+1); gsub(/,/, "", v)
         if ($i == "Failed:") f += v; if ($i == "Passed:") p += v; if ($i == "Skipped:") s += v } }
     END { printf "%d passed, %d failed, %d skipped\n", p, f, s }' "$log"
exit "$status"
