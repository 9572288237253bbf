#!/bin/sh
# Stand-in for the image's configure.sh: gives the default keystore a generated password (in
# configDropins/defaults, as the real one does) and starts the server once through
# populate_scc.sh, then removes what that start left in the output and log folders.
set -eu

keystore=/config/configDropins/defaults/keystore.xml
if [ ! -e "$keystore" ]; then
  password="$(head -c 24 /dev/urandom | base64 | tr -d '/+=')"
  printf '<server>\n  <keyStore id="defaultKeyStore" password="%s"/>\n</server>\n' "$password" \
    > "$keystore"
fi

populate_scc.sh

rm -rf /logs/* "${WLP_OUTPUT_DIR:?}/defaultServer/logs" "${WLP_OUTPUT_DIR:?}/defaultServer/messaging"
