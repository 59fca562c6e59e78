#!/usr/bin/env bash
# Fetches libduckdb.so into a git-ignored cache: `npm pack` of a pinned package, checked
# against a pinned SHA-256 before anything is unpacked. Called by the warehouse build
# (Analytics.Warehouse.csproj) only when the cache lacks the library.
# Usage: fetch-duckdb.sh PACKAGE@VERSION SHA256 CACHE_DIR
set -euo pipefail
package="$1"; sha="$2"; cache="$3"
mkdir -p "$cache"
[ -f "$cache/libduckdb.so" ] && exit 0
# Several builds may race here (tests and the CLI built in parallel): work in a private
# folder and move the result into place atomically.
work=$(mktemp -d "$cache/.fetch.XXXXXX")
trap 'rm -rf "$work"' EXIT
( cd "$work" && npm pack "$package" --silent >/dev/null )
tarball=$(ls "$work"/*.tgz)
actual=$(sha256sum "$tarball" | cut -d' ' -f1)
if [ "$actual" != "$sha" ]; then
  echo "fetch-duckdb: checksum mismatch for $package: expected $sha, got $actual" >&2
  exit 1
fi
tar -xzf "$tarball" -C "$work" package/libduckdb.so package/LICENSE
cp "$work/package/LICENSE" "$cache/LICENSE.duckdb"
mv "$work/package/libduckdb.so" "$cache/libduckdb.so.tmp.$$"
mv -f "$cache/libduckdb.so.tmp.$$" "$cache/libduckdb.so"
