#!/usr/bin/env bash
# Regenerates dumps/<stack>.json: starts the capture server on 127.0.0.1:$CAPTURE_PORT (default 4999), runs every
# sender against it, and turns each capture into its readable dump. Needs node 20+ and the .NET SDK; installs the
# npm packages from the lock file when they are missing.
set -euo pipefail
cd "$(dirname "$0")"
port="${CAPTURE_PORT:-4999}"
captures="$(mktemp -d)"

[ -d js/node_modules ] || (cd js && npm ci --no-audit --no-fund)
dotnet build dotnet -nologo -v q -clp:ErrorsOnly

(cd js && CAPTURE_PORT="$port" CAPTURE_DIR="$captures" exec node capture-server.mjs) &
server=$!
trap 'kill "$server" 2>/dev/null; rm -rf "$captures"' EXIT
for _ in $(seq 1 50); do curl -s -o /dev/null "http://127.0.0.1:$port/" && break; sleep 0.1; done

export OTEL_EXPORTER_OTLP_ENDPOINT="http://127.0.0.1:$port"
for stack in langchain ai-sdk-7 ai-sdk-legacy openllmetry; do
  (cd js && node "$stack.mjs" >/dev/null)
done
(cd js && node ai-sdk-7.mjs --legacy >/dev/null)
for stack in meai agent-framework semantic-kernel; do
  OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf dotnet run --project dotnet --no-build -- --stack "$stack" >/dev/null
done

mkdir -p dumps
for stack in langchain ai-sdk-7 ai-sdk-7-legacy ai-sdk-legacy openllmetry meai agent-framework semantic-kernel; do
  (cd js && node capture-server.mjs --dump "$captures/framework-sender-$stack.jsonl") > "dumps/$stack.json"
  echo "dumps/$stack.json: $(grep -c '"spanId"' "dumps/$stack.json") spans"
done
