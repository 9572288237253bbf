#!/bin/sh
# Stand-in for the image's features.sh. The real one downloads exactly the features that
# /config/server.xml lists; this image holds the full runtime, so here every listed feature must
# already be installed, and an unknown or misspelt one fails the build as it would there.
set -eu

installed="$(mktemp)"
trap 'rm -f "$installed"' EXIT
sed -n 's/^IBM-ShortName: *\([^;[:space:]]*\).*/\1/p' /opt/ol/wlp/lib/features/*.mf \
  | tr 'A-Z' 'a-z' | sort -u > "$installed"

listed="$(cat /config/server.xml /config/configDropins/*/*.xml 2>/dev/null \
  | sed -n 's:.*<feature>[[:space:]]*\([^<[:space:]]*\)[[:space:]]*</feature>.*:\1:p' | sort -u)"
if [ -z "$listed" ]; then
  echo "features.sh: /config/server.xml lists no feature" >&2
  exit 1
fi

missing=0
for feature in $listed; do
  if ! grep -qx "$(echo "$feature" | tr 'A-Z' 'a-z')" "$installed"; then
    echo "features.sh: feature $feature is not part of Open Liberty here" >&2
    missing=1
  fi
done
[ "$missing" -eq 0 ] || exit 1
echo "features.sh: all $(echo "$listed" | wc -l) features of server.xml are installed"
