#!/usr/bin/env bash
# Installs the browser test's Node packages (the pinned playwright-core of package-lock.json) into
# target/browser, where io.oteldemo.it.BrowserCorsIT looks for them. Needs Node 18+ and npm; the
# test runs this itself when the packages are missing, and .ci/run runs it before the build.
# Chromium is not installed here: the test drives the system's Chromium (/usr/bin/chromium).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
target="${1:-$here/../../../target/browser}"
mkdir -p "$target"
cp "$here/package.json" "$here/package-lock.json" "$target/"
npm ci --prefix "$target" --no-audit --no-fund --loglevel=warn
