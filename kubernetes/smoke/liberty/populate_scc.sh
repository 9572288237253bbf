#!/bin/sh
# Stand-in for the image's populate_scc.sh. The real one starts and stops the server so that
# OpenJ9 caches the application's classes; HotSpot has no such cache, so this start only shows
# whether the application starts completely with the settings given to the build's RUN line.
# Like the real one it does not fail the build when the application does not start.
set -eu

server start defaultServer >/dev/null
messages="${LOG_DIR:-/logs}/messages.log"
if grep -q 'CWWKZ0001I' "$messages" 2>/dev/null; then
  echo "populate_scc.sh: the application started during the image build"
else
  echo "populate_scc.sh: the application did not start during the image build:" >&2
  grep -E ' [EW] ' "$messages" >&2 || true
fi
server stop defaultServer >/dev/null
