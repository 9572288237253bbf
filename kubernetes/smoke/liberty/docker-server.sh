#!/bin/sh
# Stand-in for the image's entrypoint: the real one can add TLS and keystore settings from the
# environment, none of which this application uses, and then runs the command it was given.
set -eu
exec "$@"
