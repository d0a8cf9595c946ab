#!/usr/bin/env bash
# Runs every test of the solution: unit and storage (xunit), components (bUnit), end to end (Playwright + Chromium),
# all on SQLite; then the storage, analytics and API tests, the components and the whole end-to-end suite (ingest
# included) again on a real PostgreSQL server started on loopback for the run. Installs what the tests need when it is
# missing (Debian's chromium, postgresql and nodejs; the framework senders' npm packages), so it works the same on a
# fresh machine and in CI.
set -euo pipefail
cd "$(dirname "$0")/.."
source tests/postgres-server.sh

if [ ! -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then
  echo "Installing Debian's chromium for the Playwright tests..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi

# The end-to-end tests run real agent frameworks (tests/FrameworkSenders/js) under node.
if ! command -v node >/dev/null; then
  echo "Installing Debian's nodejs and npm for the framework senders..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null
fi
if [ ! -d tests/FrameworkSenders/js/node_modules ]; then
  (cd tests/FrameworkSenders/js && npm ci --no-audit --no-fund --loglevel=error)
fi

dotnet build TraceExplorer.sln -c Release -warnaserror -nologo -clp:ErrorsOnly

log=$(mktemp)
trap 'postgres_stop; rm -f "$log"' EXIT
status=0

echo "== Every test, on SQLite"
TRACEEXPLORER_TEST_POSTGRES="" dotnet test TraceExplorer.sln -c Release --no-build --nologo 2>&1 | tee -a "$log" || status=$?

echo "== Storage, analytics, API, component and end-to-end tests, on PostgreSQL"
postgres_start
dotnet test tests/TraceExplorer.Tests -c Release --no-build --nologo \
  --filter "FullyQualifiedName~.Storage.|FullyQualifiedName~.Analytics.|FullyQualifiedName~.Api.|FullyQualifiedName~.Ingest." 2>&1 | tee -a "$log" || status=$?
dotnet test tests/TraceExplorer.Components.Tests -c Release --no-build --nologo 2>&1 | tee -a "$log" || status=$?
dotnet test tests/TraceExplorer.EndToEnd.Tests -c Release --no-build --nologo 2>&1 | tee -a "$log" || status=$?

# One closing line for both passes, summed over the test assemblies.
awk '/^(Passed|Failed)!/ {
       for (i = 1; i <= NF; i++) { if ($i == "Failed:") failed += $(i+1); if ($i == "Passed:") passed += $(i+1); if ($i == "Skipped:") skipped += $(i+1) }
     }
     END { printf "%d passed, %d failed, %d skipped (both providers)\n", passed, failed, skipped }' "$log"
exit "$status"
