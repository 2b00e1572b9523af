#!/bin/sh
# scripts/setup.sh -- install what rasd needs on a fresh Debian 12 machine.
# Idempotent and quiet when everything is there.  Needs root (or sudo) only
# when something is missing.  Then runs scripts/setup.d/*.sh in order (data
# the build needs, e.g. the gazetteer sources).
set -e
cd "$(dirname "$0")/.."
PKGS="gcc make libstemmer-dev libutf8proc-dev libgumbo-dev libcjson-dev libsqlite3-dev zlib1g-dev \
pkg-config clang libclang-rt-14-dev python3 libgeonames-common nodejs npm"
missing=""
for p in $PKGS; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
if [ -n "$missing" ]; then
  # nodejs/npm may come from elsewhere on this machine: only install them when absent
  case "$missing" in *nodejs*) command -v node >/dev/null 2>&1 && missing=$(echo "$missing" | sed 's/ nodejs//');; esac
  case "$missing" in *npm*) command -v npm >/dev/null 2>&1 && missing=$(echo "$missing" | sed 's/ npm//');; esac
fi
if [ -n "$missing" ]; then
  echo "setup: installing:$missing"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $missing >/dev/null
fi
for s in scripts/setup.d/*.sh; do
  [ -f "$s" ] && sh "$s"
done
exit 0
