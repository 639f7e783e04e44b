#!/usr/bin/env bash
# Installs what `sim` needs on a Debian or Ubuntu machine: the npm dependencies from the lock
# file and, where missing, Prometheus and Alertmanager. Extra Debian packages may be named as
# arguments (CI adds docker-compose, which the tests use to check docker-compose.yml offline).
set -euo pipefail
cd "$(dirname "$0")/.."

packages=("$@")
command -v prometheus >/dev/null || packages+=(prometheus)
command -v promtool >/dev/null || packages+=(prometheus)
command -v prometheus-alertmanager >/dev/null || command -v alertmanager >/dev/null ||
  packages+=(prometheus-alertmanager)

if ((${#packages[@]} > 0)); then
  sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  echo "setup: installing ${packages[*]} from Debian"
  "${sudo[@]}" apt-get update -q
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -q --no-install-recommends \
    "${packages[@]}"
fi

echo "setup: installing npm dependencies"
npm ci --no-audit --no-fund
echo "setup: done; try: npx sim list"
