#!/usr/bin/env bash
# Build a FerretDB binary (SQLite-capable, pure Go, CGO disabled) from the Go module proxy.
#
# Usage: build-ferretdb.sh [OUTPUT_BIN]        (default: ./.tmp/ferretdb)
#
# Env:
#   FERRET_VERSION  FerretDB module version        (default: v1.24.2)
#   FERRET_CACHE    dir holding GOMODCACHE/GOCACHE (default: /var/cache/tidings-go;
#                   falls back to ${XDG_CACHE_HOME:-$HOME/.cache}/tidings-go if not writable)
#   FERRET_FORCE=1  rebuild even if OUTPUT_BIN already works
#
# FerretDB is built from a throw-away scratch module. Its build/version package panics at
# start-up ("Invalid build/version/version.txt file content") whenever the binary's
# buildinfo Main.Path is github.com/FerretDB/FerretDB and version.txt is missing (it is
# generated, not shipped in the module zip). With Go >= 1.26 (observed on 1.26.8) Main is
# FerretDB even when built from a scratch module, so we copy the module source once to
# $FERRET_CACHE/src/FerretDB@<ver>, write version.txt there, and `replace` to that copy.
#
# One patch is applied to that copy (PATCH_ID below), a performance fix only: FerretDB v1's SQLite
# backend looks documents up by `_ferretdb_sjson->'$._id'` while its unique `_id_` index is on
# `_ferretdb_sjson->"_id"`. SQLite only uses an expression index for the identical expression, so
# every update or delete by _id read the whole table (deleteOne 32 ms at 2,000 documents, 99 ms at
# 8,000). Using the index's expression for lookups gives the same results and makes them 3 ms at any
# size (`N=8000 npx tsx test/bench/ferretdb-ops.ts`). Tidings does not depend on it: the tests pass
# on the unpatched build, only slower.
set -euo pipefail

FERRET_VERSION="${FERRET_VERSION:-v1.24.2}"
PATCH_ID="sqlite-id-index-1"
BIN="${1:-./.tmp/ferretdb}"
T0=$(date +%s.%N)

log() { printf '[build-ferretdb] %s\n' "$*" >&2; }
elapsed() { awk -v a="$T0" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1fs", b - a }'; }

# Absolute output path (the build runs in another directory).
mkdir -p "$(dirname "$BIN")"
BIN="$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")"

# Fast path: existing binary that runs and reports the wanted version.
if [[ "${FERRET_FORCE:-0}" != 1 && -x "$BIN" ]]; then
  if out=$("$BIN" --version 2>&1) && grep -q "version: ${FERRET_VERSION}\b" <<<"$out" &&
    [[ "$(cat "$BIN.patch" 2>/dev/null)" == "$PATCH_ID" ]]; then
    log "up to date: $BIN ($FERRET_VERSION), skipped build in $(elapsed)"
    exit 0
  fi
  log "existing $BIN unusable or wrong version; rebuilding"
fi

command -v go >/dev/null || { log "ERROR: go not found in PATH"; exit 1; }

# Cache dir (shared across runs so warm rebuilds are fast).
CACHE="${FERRET_CACHE:-/var/cache/tidings-go}"
if ! mkdir -p "$CACHE" 2>/dev/null || [[ ! -w "$CACHE" ]]; then
  fallback="${XDG_CACHE_HOME:-$HOME/.cache}/tidings-go"
  log "cache dir $CACHE not writable; using $fallback"
  CACHE="$fallback"
  mkdir -p "$CACHE"
fi
export GOMODCACHE="$CACHE/mod"
export GOCACHE="$CACHE/build"
export GOFLAGS="${GOFLAGS:-} -modcacherw"   # let rm -rf clean the mod cache later
export GOTOOLCHAIN="${GOTOOLCHAIN:-local}"  # never try to download another toolchain
export CGO_ENABLED=0
log "go: $(go version); cache: $CACHE"

WORK="$(mktemp -d "${TMPDIR:-/tmp}/ferretdb-build.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT

cd "$WORK"
go mod init tmp 2>"$WORK/init.log" || { cat "$WORK/init.log" >&2; exit 1; }
# Note: `go get <package>@ver` (not the bare module path) so go.sum gets entries for every
# package cmd/ferretdb imports; with the bare module path the build fails "missing go.sum entry".
PKG=github.com/FerretDB/FerretDB/cmd/ferretdb
log "go get ${PKG}@${FERRET_VERSION} ..."
if ! go get "${PKG}@${FERRET_VERSION}" 2>"$WORK/get.log"; then
  cat "$WORK/get.log" >&2
  log "ERROR: go get failed after $(elapsed)"
  exit 1
fi
log "fetched deps at $(elapsed)"

# Patched copy of the FerretDB module with build/version/version.txt (stable path => build cache hits).
SRC="$CACHE/src/FerretDB@${FERRET_VERSION}+${PATCH_ID}"
if [[ "$(cat "$SRC/build/version/version.txt" 2>/dev/null)" != "$FERRET_VERSION" ]]; then
  MODDIR="$(go list -m -f '{{.Dir}}' github.com/FerretDB/FerretDB)"
  [[ -d "$MODDIR" ]] || { log "ERROR: FerretDB module dir not found"; exit 1; }
  mkdir -p "$CACHE/src"
  rm -rf "$SRC.tmp.$$"
  cp -R "$MODDIR" "$SRC.tmp.$$"
  chmod -R u+w "$SRC.tmp.$$"
  printf '%s\n' "$FERRET_VERSION" >"$SRC.tmp.$$/build/version/version.txt"
  meta="$SRC.tmp.$$/internal/backends/sqlite/metadata/metadata.go"
  grep -qF "IDColumn = DefaultColumn + \"->'\$._id'\"" "$meta" || { log "ERROR: patch $PATCH_ID does not apply to $meta"; exit 1; }
  sed -i "s|IDColumn = DefaultColumn + \"->'\$._id'\"|IDColumn = DefaultColumn + \`->\"_id\"\`|" "$meta"
  grep -qF 'IDColumn = DefaultColumn + `->"_id"`' "$meta" || { log "ERROR: patch $PATCH_ID did not apply"; exit 1; }
  rm -rf "$SRC"
  mv "$SRC.tmp.$$" "$SRC"
fi
go mod edit -replace "github.com/FerretDB/FerretDB=$SRC"
log "building ..."
# Build to a temp name, then move atomically so a failed build never leaves a broken binary.
go build -trimpath -o "$WORK/ferretdb" "$PKG"
"$WORK/ferretdb" --version >/dev/null
mv -f "$WORK/ferretdb" "$BIN"
printf '%s\n' "$PATCH_ID" >"$BIN.patch"

log "built $BIN in $(elapsed)"
# No `| head` here: under pipefail, head closing the pipe early kills the script with SIGPIPE (exit 141).
version_out="$("$BIN" --version 2>&1)"
printf '%s\n' "${version_out%%$'\n'commit:*}" >&2
