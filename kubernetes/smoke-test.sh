#!/usr/bin/env bash
# Builds the container image from the unchanged Dockerfile and runs it the way the manifests say,
# with podman: first as a single container with the base Deployment's security settings, reading
# the locations from the OwnTracks Recorder files; then as the pod that `podman kube play` makes of
# the dev overlay, next to a Redis and a PostgreSQL that holds the same sample data, read through
# the manifests' LOCATIONS_DB_URL (pointed at it) and the Secret's LOCATIONS_DB_USER and
# LOCATIONS_DB_PASSWORD: the pod's job must come out as the container's did. No registry is
# reachable, so both base images of the Dockerfile, the Redis and the PostgreSQL are stand-ins built
# here on one Debian rootfs, the first two tagged under the production names (kubernetes/smoke/,
# docs/OPERATIONS.md "Smoke test of the image and the pod").
#
#   sudo kubernetes/smoke-test.sh        # as root; CI=true installs the packages it needs
#
# Prints one line per check and "N passed, M failed" last; exits non-zero when a check failed.
# Every request goes to the loopback interface inside the container's or pod's own network
# namespace (nsenter), so no port of the machine is used and nothing leaves it.
set -uo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
SMOKE="$ROOT/kubernetes/smoke"
PACKAGES=(podman buildah runc mmdebstrap yq curl)
# The JDK stand-in's packages: a JDK for the build stage, and what the Liberty stand-in needs.
ROOTFS_PACKAGES="openjdk-17-jdk-headless,ca-certificates,curl,unzip,procps"
APP_IMAGE=localhost/otel-demo:smoke
REDIS_IMAGE_NAME=localhost/otel-demo-smoke/redis
POSTGRES_IMAGE_NAME=localhost/otel-demo-smoke/postgresql
# The pod's PostgreSQL: the owner that loads the sample data, and the application's role, which may
# only read the table (as kubernetes/extras/otel-demo-secrets.yaml asks of an operator's).
POSTGRES_OWNER=owntracks_owner
POSTGRES_READER=otel_demo_reader
ROOTFS_IMAGE_NAME=localhost/otel-demo-smoke/bookworm-jdk
# The rootfs as an image: what the JDK stand-in's users (the Dockerfile's build stage) expect.
IMPORT_CHANGES=(--change 'ENV=PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'
  --change 'ENV=JAVA_HOME=/usr/lib/jvm/java-17-openjdk-amd64' --change 'ENV=LANG=C.UTF-8'
  --change 'CMD=["/bin/bash"]')
# A day and device of sample-data/owntracks.
FLOW_BODY='{"date":"2026-01-25","device_id":"iphone_stuart"}'
SMOKE_SUB=5a0e7c1e-0000-4000-8000-000000000012

passed=0
failed=0
CONTAINER=""
POD=""
POD_VOLUMES=()
SECRET=""
WORK=""

pass() { passed=$((passed + 1)); echo "PASS $*"; }
fail() { failed=$((failed + 1)); echo "FAIL $*"; }
# Figures go to the terminal (fd 3) also from steps whose output goes to the setup log.
info() { echo "INFO $*" >&3; }

# check "description" command...: one PASS/FAIL line from the command's exit status.
# A failed check shows what its command printed.
check() {
  local description="$1"
  shift
  if "$@" >"$WORK/check.out" 2>&1; then
    pass "$description"
  else
    fail "$description"
    head -20 "$WORK/check.out" | sed 's/^/    /'
  fi
}

summary() {
  echo "$passed passed, $failed failed"
}

# A setup step that later checks depend on: on failure, report it and stop.
require() {
  local description="$1"
  shift
  if "$@" >>"$WORK/setup.log" 2>&1; then
    pass "$description"
  else
    fail "$description"
    echo "---- last lines of the setup log:"
    tail -40 "$WORK/setup.log"
    exit 1
  fi
}

cleanup() {
  local status=$?
  if [ -n "$CONTAINER" ]; then podman rm -f -t 5 "$CONTAINER" >/dev/null 2>&1; fi
  if [ -n "$POD" ]; then podman pod rm -f -t 5 "$POD" >/dev/null 2>&1; fi
  if [ -n "$SECRET" ]; then podman secret rm "$SECRET" >/dev/null 2>&1; fi
  for volume in "${POD_VOLUMES[@]}"; do podman volume rm -f "$volume" >/dev/null 2>&1; done
  if [ -n "$WORK" ] && [ -z "${SMOKE_KEEP_WORK:-}" ]; then
    rm -rf "$WORK"
  elif [ -n "$WORK" ]; then
    echo "INFO kept $WORK"
  fi
  summary
  if [ "$failed" -gt 0 ] && [ "$status" -eq 0 ]; then status=1; fi
  exit "$status"
}

# ---------------------------------------------------------------------------------------------
# 1. The engine

prerequisites() {
  local missing=()
  for command in "${PACKAGES[@]}" jq nsenter java sha256sum; do
    command -v "$command" >/dev/null 2>&1 || missing+=("$command")
  done
  if [ "$(id -u)" -ne 0 ]; then
    echo "FAIL prerequisites: run as root (podman's storage and runc here need it)"
    failed=1
    return 1
  fi
  if [ ${#missing[@]} -eq 0 ]; then return 0; fi
  if [ "${CI:-}" = "true" ]; then
    info "installing ${PACKAGES[*]} (missing: ${missing[*]})"
    if ! { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q \
        "${PACKAGES[@]}"; } >"$WORK/apt.log" 2>&1; then
      tail -20 "$WORK/apt.log"
      echo "FAIL prerequisites: apt-get install ${PACKAGES[*]} failed"
      failed=1
      return 1
    fi
    return 0
  fi
  echo "FAIL prerequisites: missing ${missing[*]}; install them with"
  echo "       apt-get update && apt-get install -y ${PACKAGES[*]}"
  failed=1
  return 1
}

# Our own containers.conf: runc (crun cannot run in this machine's hybrid cgroups) and ulimits
# within the hard limits, as root here may not raise them (setrlimit would fail every start).
engine_config() {
  local nofile nproc
  nofile="$(ulimit -Hn)"
  nproc="$(ulimit -Hu)"
  [ "$nofile" = unlimited ] && nofile=1048576
  [ "$nproc" = unlimited ] && nproc=4096
  [ "$nproc" -gt 4096 ] && nproc=4096
  cat >"$WORK/containers.conf" <<EOF
[containers]
default_ulimits = ["nofile=$nofile:$nofile", "nproc=$nproc:$nproc"]

[engine]
runtime = "runc"
cgroup_manager = "cgroupfs"
events_logger = "file"
EOF
  export CONTAINERS_CONF="$WORK/containers.conf"
  podman info >/dev/null
}

# ---------------------------------------------------------------------------------------------
# 2. Base images: stand-ins built here, tagged under the Dockerfile's production names

cache_dir() {
  local dir
  for dir in /var/cache/otel-demo/smoke "${XDG_CACHE_HOME:-$HOME/.cache}/otel-demo/smoke"; do
    if mkdir -p "$dir" 2>/dev/null && [ -w "$dir" ]; then echo "$dir"; return 0; fi
  done
  return 1
}

# The machine's Debian sources (not other vendors' lists) and apt options, for the rootfs.
debian_sources() {
  local file
  for file in /etc/apt/sources.list.d/*.sources /etc/apt/sources.list; do
    [ -f "$file" ] && grep -q 'debian' "$file" && grep -q 'bookworm' "$file" && cat "$file" && echo
  done
}

rootfs_inputs() {
  echo "packages=$ROOTFS_PACKAGES"
  debian_sources
  cat /etc/apt/apt.conf.d/* 2>/dev/null | grep -v '^//' || true
  cat /usr/local/share/ca-certificates/*.crt 2>/dev/null || true
  declare -f make_rootfs
}

make_rootfs() {
  local tar="$1"
  debian_sources >"$WORK/debian.sources"
  local aptopts=()
  local option
  for option in /etc/apt/apt.conf.d/*; do
    [ -f "$option" ] && aptopts+=("--aptopt=$option")
  done
  # The JDK's postinst needs man1; the machine's own CAs make TLS downloads in the build work.
  mmdebstrap --variant=minbase --format=tar --include="$ROOTFS_PACKAGES" "${aptopts[@]}" \
    --setup-hook='mkdir -p "$1/usr/share/man/man1" "$1/usr/local/share/ca-certificates"' \
    --setup-hook='for crt in /usr/local/share/ca-certificates/*.crt; do [ -f "$crt" ] && cp "$crt" "$1/usr/local/share/ca-certificates/"; done; true' \
    --customize-hook='rm -rf "$1/var/lib/apt/lists/"* "$1/var/cache/apt/"*.bin' \
    bookworm "$tar.partial" "$WORK/debian.sources" \
    && mv "$tar.partial" "$tar"
}

base_images() {
  local key tar started
  key="$(rootfs_inputs | sha256sum | cut -c1-16)"
  tar="$CACHE/bookworm-jdk-$key.tar"
  ROOTFS_IMAGE="$ROOTFS_IMAGE_NAME:$( (echo "$key"; echo "${IMPORT_CHANGES[@]}") | sha256sum | cut -c1-16)"
  if ! podman image exists "$ROOTFS_IMAGE"; then
    if [ ! -f "$tar" ]; then
      rm -f "$CACHE"/bookworm-jdk-*.tar "$CACHE"/bookworm-jdk-*.partial
      started=$SECONDS
      make_rootfs "$tar" || return 1
      info "rootfs made with mmdebstrap in $((SECONDS - started)) s ($(du -m "$tar" | cut -f1) MiB, cached)"
    fi
    podman import "${IMPORT_CHANGES[@]}" "$tar" "$ROOTFS_IMAGE" >/dev/null || return 1
  fi
  podman tag "$ROOTFS_IMAGE" "$(qualified "$JDK_BASE")" || return 1

  local zip="$MAVEN_REPOSITORY/io/openliberty/openliberty-runtime/$LIBERTY_VERSION/openliberty-runtime-$LIBERTY_VERSION.zip"
  if [ ! -f "$zip" ]; then
    (cd "$ROOT" && ./mvnw --batch-mode -q dependency:get \
      -Dartifact="io.openliberty:openliberty-runtime:$LIBERTY_VERSION:zip") || return 1
  fi
  podman build --pull=never --isolation chroot --build-arg BASE="$ROOTFS_IMAGE" \
    -v "$zip:/mnt/openliberty/openliberty-runtime.zip:ro" \
    -t "$(qualified "$LIBERTY_BASE")" "$SMOKE/liberty" || return 1
  podman build --pull=never --isolation chroot --build-arg BASE="$ROOTFS_IMAGE" \
    -t "$REDIS_IMAGE_NAME:$key" "$SMOKE/redis" || return 1
  REDIS_IMAGE="$REDIS_IMAGE_NAME:$key"
  podman build --pull=never --isolation chroot --build-arg BASE="$ROOTFS_IMAGE" \
    -t "$POSTGRES_IMAGE_NAME:$key" "$SMOKE/postgresql" || return 1
  POSTGRES_IMAGE="$POSTGRES_IMAGE_NAME:$key"
}

# docker.io/library/ for the short names Docker Hub resolves, as podman stores them.
qualified() {
  case "$1" in
    */*.*/* | *.*/* | localhost/*) echo "$1" ;;
    */*) echo "docker.io/$1" ;;
    *) echo "docker.io/library/$1" ;;
  esac
}

liberty_base_is_the_poms_runtime() {
  [[ "$LIBERTY_BASE" == *":$LIBERTY_VERSION-"* ]]
}

build_image() {
  local revision
  revision="$(git -C "$ROOT" rev-parse HEAD 2>/dev/null || echo unknown)"
  # The build stamp, as CI passes it: into the WAR (GET /info) and the image's labels.
  BUILD_NUMBER="smoke-$$"
  BUILD_DATE="$(date -u +%Y-%m-%dT%H:%M:%SZ)"
  # The local Maven repository, as an overlay: the build's downloads are served from it and
  # its changes are thrown away, so the host's repository is never written by the build.
  podman build --pull=never --isolation chroot \
    --build-arg VERSION="$PROJECT_VERSION" --build-arg REVISION="$revision" \
    --build-arg BUILD_NUMBER="$BUILD_NUMBER" --build-arg BUILD_DATE="$BUILD_DATE" \
    --build-arg SOURCE="https://example.com/otel-demo" \
    -v "$MAVEN_REPOSITORY:/root/.m2/repository:O" \
    -t "$APP_IMAGE" "$ROOT"
}

# ---------------------------------------------------------------------------------------------
# Manifests, rendered: with kubectl where it is installed, else with the renderer the deployment
# tests use (KustomizeRenderer, checked there against kubectl). One JSON object per line.

render() {
  local directory="$1"
  if [ "$RENDERER" = kubectl ]; then
    kubectl kustomize "$directory" | yq -c .
  else
    (cd "$ROOT" && ./mvnw --batch-mode -q -o exec:java \
      -Dexec.mainClass=io.oteldemo.deploy.kubernetes.RenderKustomization \
      -Dexec.classpathScope=test -Dexec.args="$directory")
  fi
}

render_to() {
  render "$1" >"$2" && [ -s "$2" ]
}

choose_renderer() {
  RENDERER="${SMOKE_RENDERER:-}"
  if [ -z "$RENDERER" ]; then
    if command -v kubectl >/dev/null 2>&1; then RENDERER=kubectl; else RENDERER=java; fi
  fi
  if [ "$RENDERER" = java ] && [ ! -d "$ROOT/target/test-classes/io/oteldemo/deploy" ]; then
    (cd "$ROOT" && ./mvnw --batch-mode -q test-compile) || return 1
  fi
  info "manifests rendered with $([ "$RENDERER" = kubectl ] && echo 'kubectl kustomize' \
    || echo "the project's KustomizeRenderer")"
}

# jq over the rendered objects of a file.
manifest() {
  local file="$1"
  shift
  jq -r -s "$@" "$file"
}

# ---------------------------------------------------------------------------------------------
# The test issuer: the development issuer's code with a key made for this run only.

# The groups that the rendered base and dev manifests' DEVICE_ACCESS grant every device to
# ("group=*"), comma-separated: the smoke user is in them, as the users an operator lets
# calculate are. Empty when no policy is set (every user may).
all_device_groups() {
  local overlay file
  for overlay in base overlays/dev; do
    file="$WORK/device-access-${overlay##*/}.json"
    render_to "$ROOT/kubernetes/$overlay" "$file" || return 1
    manifest "$file" '.[] | select(.kind == "ConfigMap") | .data.DEVICE_ACCESS // ""'
  done | tr ';' '\n' | sed -n 's/^ *\([^=]*[^= ]\) *= *\* *$/\1/p' | sort -u | paste -sd, -
}

issuer() {
  local groups
  groups="$(all_device_groups)" || return 1
  mkdir -p "$WORK/issuer" || return 1
  java "$ROOT/src/dev/java/io/oteldemo/devissuer/DevIssuer.java" init "$WORK/issuer" || return 1
  TOKEN="$(java "$ROOT/src/dev/java/io/oteldemo/devissuer/DevIssuer.java" token \
    --dir "$WORK/issuer" --sub "$SMOKE_SUB" --username smoke --ttl 3600 \
    ${groups:+--groups "$groups"})" || return 1
  info "the smoke user's groups: ${groups:-none} (DEVICE_ACCESS of the rendered manifests)"
  ISSUER_URL="$(sed -n 's/.*String ISSUER = "\([^"]*\)".*/\1/p' \
    "$ROOT/src/dev/java/io/oteldemo/devissuer/DevIssuer.java")"
  CLIENT_ID="$(sed -n 's/.*String CLIENT_ID = "\([^"]*\)".*/\1/p' \
    "$ROOT/src/dev/java/io/oteldemo/devissuer/DevIssuer.java")"
  [ -n "$TOKEN" ] && [ -n "$ISSUER_URL" ] && [ -n "$CLIENT_ID" ]
  # Where the sample data and the issuer's JWKS are mounted, read-only.
  mkdir -p "$WORK/smoke-data/issuer" && cp "$WORK/issuer/jwks.json" "$WORK/smoke-data/issuer/" \
    && cp -r "$ROOT/sample-data/owntracks" "$WORK/smoke-data/owntracks" \
    && chmod -R a+rX "$WORK/smoke-data"
}

# What the smoke test sets on top of the manifests' environment: the embedded worker on the
# sample data, and the test issuer instead of Cognito. The location store is $2: "files" (the
# Recorder files: a blank LOCATIONS_DB_URL overrides the manifests' PostgreSQL) or "postgresql"
# (the manifests' LOCATIONS_DB_URL stays; the pod's Secret adds its user and password). CSV files go
# to /tmp, a writable volume. There is no collector, so no exporter (trace ids are still made).
smoke_settings() {
  local data="$1" store="$2"
  if [ "$store" = files ]; then echo "LOCATIONS_DB_URL="; fi
  cat <<EOF
DISTANCE_SERVICE_ENDPOINT=embedded
LOCATION_DATA_PATH=$data/owntracks
CSV_STORAGE_PATH=/tmp/worker-csv
MP_JWT_VERIFY_ISSUER=$ISSUER_URL
MP_JWT_VERIFY_PUBLICKEY_LOCATION=file:$data/issuer/jwks.json
COGNITO_CLIENT_ID=$CLIENT_ID
OTEL_TRACES_EXPORTER=none
OTEL_METRICS_EXPORTER=none
EOF
}

# ---------------------------------------------------------------------------------------------
# HTTP inside a network namespace, on its loopback interface

NETNS_PID=""
http() {
  nsenter --net="/proc/$NETNS_PID/ns/net" curl -sS --max-time 30 "$@"
}

status_of() {
  http -o /dev/null -w '%{http_code}' "$@" 2>/dev/null
}

# Waits for /health/ready on the management port; sets READY_SECONDS, or fails after the startup
# probe's budget.
wait_ready() {
  local started="$1" budget="$2" pid_of="$3"
  while [ $((SECONDS - started)) -lt "$budget" ]; do
    NETNS_PID="$($pid_of)"
    if [ -n "$NETNS_PID" ] && [ "$NETNS_PID" != 0 ] \
        && [ "$(status_of "http://127.0.0.1:$MANAGEMENT_PORT/health/ready")" = 200 ]; then
      READY_SECONDS=$((SECONDS - started))
      return 0
    fi
    sleep 1
  done
  return 1
}

# An API call as a client makes it: a 503 (Redis or the worker briefly unavailable, as on a busy
# machine with the manifests' 50 ms Redis timeout) is retried after its Retry-After, twice at most.
# Prints the status code; the body goes to $1, the headers to $2.
api() {
  local body="$1" headers="$2" code attempt wait
  shift 2
  for attempt in 1 2 3; do
    code="$(http -o "$body" -D "$headers" -w '%{http_code}' "$@")"
    [ "$code" = 503 ] && [ "$attempt" -lt 3 ] || break
    wait="$(sed -n 's/^[Rr]etry-[Aa]fter: *\([0-9]*\).*/\1/p' "$headers")"
    echo "a 503 was retried after ${wait:-1} s" >>"$WORK/retries.log"
    sleep "$(( ${wait:-1} > 5 ? 5 : ${wait:-1} ))"
  done
  echo "$code"
}

# The whole flow with a token: calculate, poll until completed, download the CSV, list.
flow() {
  local where="$1" base=http://127.0.0.1:9080 auth="Authorization: Bearer $TOKEN"
  local dir="$WORK/$where" code job status="" deadline file total
  mkdir -p "$dir"
  code="$(api "$dir/calculate.json" "$dir/calculate.headers" -X POST \
    "$base/api/distance/calculate" -H "$auth" -H 'Content-Type: application/json' -d "$FLOW_BODY")"
  job="$(jq -r '.job_id // empty' "$dir/calculate.json" 2>/dev/null)"
  check "$where: POST /api/distance/calculate with a token answers 202 and a job id ($code)" \
    test "$code" = 202 -a -n "$job"
  CALCULATE_HEADERS="$dir/calculate.headers"
  deadline=$((SECONDS + 60))
  while [ -n "$job" ] && [ $SECONDS -lt $deadline ]; do
    http -o "$dir/job.json" -H "$auth" "$base/api/distance/jobs/$job"
    status="$(jq -r '.status // empty' "$dir/job.json" 2>/dev/null)"
    case "$status" in completed | failed) break ;; esac
    sleep 1
  done
  check "$where: the job is polled to completed (last status: ${status:-none})" \
    test "$status" = completed
  file="$(jq -r '.result.csv_download_url // empty' "$dir/job.json" 2>/dev/null)"
  total="$(jq -r '.result.total_locations // 0' "$dir/job.json" 2>/dev/null)"
  code="$(api "$dir/result.csv" "$dir/download.headers" -H "$auth" \
    "$base${file:-/api/distance/download/missing.csv}")"
  check "$where: the CSV downloads ($code, $(wc -l <"$dir/result.csv" 2>/dev/null || echo 0) lines, $total locations)" \
    csv_is_complete "$code" "$dir/download.headers" "$dir/result.csv" "$total"
  code="$(api "$dir/list.json" "$dir/list.headers" -H "$auth" "$base/api/distance/jobs")"
  check "$where: GET /api/distance/jobs lists the job ($code)" \
    jq -e --arg job "$job" 'any(.jobs[]; .job_id == $job)' "$dir/list.json"
}

csv_is_complete() {
  local code="$1" headers="$2" csv="$3" total="$4"
  [ "$code" = 200 ] && grep -qi '^content-type: text/csv' "$headers" \
    && [ "$total" -gt 0 ] && [ "$(wc -l <"$csv")" -gt "$total" ]
}

no_token_is_401() {
  local headers="$WORK/unauthorized.headers"
  [ "$(http -o /dev/null -D "$headers" -w '%{http_code}' \
    http://127.0.0.1:9080/api/distance/jobs)" = 401 ] \
    && grep -qi '^www-authenticate: Bearer' "$headers"
}

# otel-ui's Dashboard paints the API green on this answer of the API's port.
dashboard_health() {
  [ "$(http -o "$WORK/dashboard-health.json" -w '%{http_code}' http://127.0.0.1:9080/health)" = 200 ] \
    && jq -e '.status == "healthy"' "$WORK/dashboard-health.json" >/dev/null
}

# GET /info of the running container reports the version, build number and date that the image's
# labels carry, and they are the ones the build was given.
info_is_the_labels() {
  local labels info
  labels="$(podman image inspect -f '{{index .Labels "org.opencontainers.image.version"}} {{index .Labels "io.oteldemo.build.number"}} {{index .Labels "org.opencontainers.image.created"}}' "$APP_IMAGE")"
  info="$(http http://127.0.0.1:9080/info | jq -r '"\(.version) \(.build_number) \(.build_date)"')"
  echo "labels: $labels; /info: $info"
  [ "$info" = "$labels" ] && [ "$labels" = "$PROJECT_VERSION $BUILD_NUMBER $BUILD_DATE" ]
}

openapi_ui() {
  [ "$(http -L -o "$WORK/openapi-ui.html" -w '%{http_code}' http://127.0.0.1:9080/openapi/ui/)" = 200 ] \
    && grep -qi 'openapi\|swagger' "$WORK/openapi-ui.html"
}

# Every line Liberty wrote to the console is a JSON object. The JVM's own notices (that it read
# JAVA_TOOL_OPTIONS; HotSpot's class-sharing warning) come before Liberty's logging starts.
logs_are_json() {
  local logs="$1" other
  other="$(grep -vE '^(Picked up JAVA_TOOL_OPTIONS|OpenJDK 64-Bit Server VM warning):' "$logs" \
    | grep -v '^[[:space:]]*$' \
    | while IFS= read -r line; do jq -e 'type == "object"' <<<"$line" >/dev/null 2>&1 || echo "$line"; done)"
  if [ -n "$other" ]; then echo "not JSON:"; echo "$other" | head -5; return 1; fi
  [ "$(grep -c '^{' "$logs")" -gt 0 ]
}

# Liberty tells when it cannot write a file (TRAS0036E, TRAS0037E: read-only file system).
no_write_failures() {
  local found
  found="$(grep -E 'Read-only file system|TRAS003[67]E' "$1" | cut -c1-240 | head -5)"
  [ -z "$found" ] || { echo "$found"; return 1; }
}

logs_hold_no_token() {
  local file
  for file in "$@"; do
    [ -s "$file" ] || { echo "$file is missing or empty"; return 1; }
    if grep -qF "$TOKEN" "$file" || grep -qF "${TOKEN##*.}" "$file" \
        || grep -qE 'eyJ[A-Za-z0-9_-]{8,}\.eyJ' "$file"; then
      echo "a token is in $file"
      return 1
    fi
  done
}

# ---------------------------------------------------------------------------------------------
# 3. and 4. The container, run as the base Deployment says

# Kubernetes quantities (Mi, Gi, M, G) as podman's sizes.
size() {
  case "$1" in
    *Mi) echo "${1%Mi}m" ;;
    *Gi) echo "${1%Gi}g" ;;
    *M) echo "${1%M}m" ;;
    *G) echo "${1%G}g" ;;
    *) echo "$1" ;;
  esac
}

container_arguments() {
  local rendered="$1" pod='(.[] | select(.kind == "Deployment") | .spec.template.spec)'
  local container="$pod.containers[0]"
  ARGS=()
  [ "$(manifest "$rendered" "$container.securityContext.readOnlyRootFilesystem")" = true ] \
    && ARGS+=(--read-only --read-only-tmpfs=false)
  [ "$(manifest "$rendered" "$container.securityContext.allowPrivilegeEscalation")" = false ] \
    && ARGS+=(--security-opt no-new-privileges)
  local capability
  for capability in $(manifest "$rendered" "$container.securityContext.capabilities.drop // [] | .[]"); do
    ARGS+=(--cap-drop "$capability")
  done
  RUN_AS_USER="$(manifest "$rendered" "$container.securityContext.runAsUser // $pod.securityContext.runAsUser // empty")"
  [ -n "$RUN_AS_USER" ] && ARGS+=(--user "$RUN_AS_USER")
  MEMORY_LIMIT="$(manifest "$rendered" "$container.resources.limits.memory // empty")"
  [ -n "$MEMORY_LIMIT" ] && ARGS+=(--memory "$(size "$MEMORY_LIMIT")")
  local cpu
  cpu="$(manifest "$rendered" "$container.resources.limits.cpu // empty")"
  [ -n "$cpu" ] && ARGS+=(--cpus "${cpu%m}")
  # emptyDir volumes become tmpfs of their size limit, at the same paths.
  local mount
  while IFS=$'\t' read -r path limit; do
    [ -n "$path" ] && ARGS+=(--tmpfs "$path:rw,mode=1777,size=$(size "${limit:-64Mi}")")
  done < <(manifest "$rendered" "$pod as \$p | \$p.containers[0].volumeMounts[]
    | . as \$m | \$p.volumes[] | select(.name == \$m.name and .emptyDir != null)
    | [\$m.mountPath, (.emptyDir.sizeLimit // \"\")] | @tsv")
  # Other volumes (the worker's CSV claim) as read-only empty folders.
  while IFS= read -r path; do
    [ -n "$path" ] && mkdir -p "$WORK/volume$path" && ARGS+=(-v "$WORK/volume$path:$path:ro")
  done < <(manifest "$rendered" "$pod as \$p | \$p.containers[0].volumeMounts[]
    | . as \$m | \$p.volumes[] | select(.name == \$m.name and .emptyDir == null) | \$m.mountPath")
  # The environment: the ConfigMap (envFrom), the container's env, then the smoke settings.
  {
    manifest "$rendered" '.[] | select(.kind == "ConfigMap") | .data | to_entries[] | "\(.key)=\(.value)"'
    manifest "$rendered" "$container.env // [] | .[] | \"\\(.name)=\\(.value)\""
    smoke_settings /smoke files
  } >"$WORK/container.env"
  ARGS+=(--env-file "$WORK/container.env" -v "$WORK/smoke-data:/smoke:ro")
  MOUNT_PATHS="$(manifest "$rendered" "$container.volumeMounts[].mountPath")"
}

container_pid() {
  podman inspect -f '{{.State.Pid}}' "$CONTAINER" 2>/dev/null
}

# The last warnings and errors of a container that did not get ready, message text only.
last_messages() {
  podman logs "$1" 2>&1 | jq -R -r 'fromjson? // {message: .} | select(.loglevel == null
      or (.loglevel | test("WARNING|ERROR|SEVERE|FATAL"))) | .message' \
    | cut -c1-240 | tail -15 | sed 's/^/    /'
}

# The host pid of the container's java process.
java_pid() {
  local name="$1" pid
  for pid in $(podman top "$name" hpid 2>/dev/null | tail -n +2); do
    if grep -q java "/proc/$pid/comm" 2>/dev/null; then echo "$pid"; return 0; fi
  done
  return 1
}

runs_as() {
  local pid="$1" uid="$2"
  [ -n "$pid" ] && awk -v uid="$uid" '/^Uid:/ { exit !($2 == uid && $3 == uid && $4 == uid) }' "/proc/$pid/status"
}

# Nothing changed in the container's own file system: every write went to a mounted volume.
# The engine itself adds the mount points (and their parent folders) of the volumes and of what
# it injects (hosts, resolv.conf, .containerenv).
nothing_written_outside_volumes() {
  local container="$1" mounts="$2" allowed changes
  allowed="$(printf '%s\n' $mounts /etc/hosts /etc/hostname /etc/resolv.conf /run/.containerenv \
    /run/secrets | while read -r path; do
      while [ -n "$path" ] && [ "$path" != / ]; do echo "$path"; path="$(dirname "$path")"; done
    done | sort -u)"
  changes="$(podman diff "$container" | awk '{ print $2 }' | grep -vxF -f <(echo "$allowed") || true)"
  if [ -n "$changes" ]; then echo "written outside the volumes:"; echo "$changes"; return 1; fi
}

rss_mib() {
  awk '/^VmRSS:/ { printf "%d", $2 / 1024 }' "/proc/$1/status"
}

run_container() {
  local rendered="$WORK/base.json" started
  require "kubernetes/base renders" render_to "$ROOT/kubernetes/base" "$rendered"
  container_arguments "$rendered"
  # The probes' port: the container port named management (MicroProfile Health).
  MANAGEMENT_PORT="$(manifest "$rendered" '.[] | select(.kind == "Deployment")
    | .spec.template.spec.containers[0].ports[] | select(.name == "management") | .containerPort')"
  info "container: podman run ${ARGS[*]}"
  started=$SECONDS
  CONTAINER="otel-demo-smoke-$$"
  require "container starts: $APP_IMAGE as the base Deployment's container" \
    podman run -d --name "$CONTAINER" --network none "${ARGS[@]}" "$APP_IMAGE"
  # The startup probe's budget: what Kubernetes would wait before restarting the container.
  STARTUP_BUDGET="$(manifest "$rendered" '.[] | select(.kind == "Deployment")
    | .spec.template.spec.containers[0].startupProbe
    | ((.periodSeconds // 10) * (.failureThreshold // 3) + (.initialDelaySeconds // 0))')"
  if wait_ready "$started" "$STARTUP_BUDGET" container_pid; then
    pass "container: /health/ready answers 200 after $READY_SECONDS s (startup probe allows $STARTUP_BUDGET s)"
    CONTAINER_READY=$READY_SECONDS
  else
    fail "container: /health/ready did not answer 200 within the startup probe's $STARTUP_BUDGET s"
    last_messages "$CONTAINER"
    return
  fi
  local path
  for path in $(manifest "$rendered" '.[] | select(.kind == "Deployment")
      | .spec.template.spec.containers[0] | (.startupProbe, .livenessProbe) | .httpGet.path'); do
    check "container: probe $path answers 200 on the management port $MANAGEMENT_PORT" \
      test "$(status_of "http://127.0.0.1:$MANAGEMENT_PORT$path")" = 200
  done
  check "container: GET /health on the API's port answers otel-ui's {\"status\":\"healthy\"}" dashboard_health
  check "container: /openapi/ui/ answers 200 with the OpenAPI UI" openapi_ui
  check "container: /info reports the image labels' version, build number and date" info_is_the_labels
  check "container: /api/distance/jobs without a token answers 401 with a Bearer challenge" no_token_is_401
  flow container
  local pid
  pid="$(java_pid "$CONTAINER")"
  check "container: the java process runs as uid $RUN_AS_USER (pid $pid)" runs_as "$pid" "$RUN_AS_USER"
  check "container: nothing was written outside the mounted volumes (podman diff)" \
    nothing_written_outside_volumes "$CONTAINER" "$MOUNT_PATHS /smoke"
  CONTAINER_RSS="$(rss_mib "$pid" 2>/dev/null || echo 0)"
  check "container: RSS after the flow is $CONTAINER_RSS MiB, within the memory limit $MEMORY_LIMIT" \
    test "$CONTAINER_RSS" -gt 0 -a "$CONTAINER_RSS" -lt "$(numfmt --from=iec-i "$MEMORY_LIMIT" | awk '{ print int($1 / 1048576) }')"
  podman logs "$CONTAINER" >"$WORK/container.log" 2>&1
  podman exec "$CONTAINER" cat /logs/messages.log >"$WORK/container-messages.log" 2>/dev/null
  check "container: Liberty could write everything it needed (no read-only file system errors)" \
    no_write_failures "$WORK/container.log"
  check "container: the console log is JSON lines" logs_are_json "$WORK/container.log"
  check "container: no token in the console log or messages.log" \
    logs_hold_no_token "$WORK/container.log" "$WORK/container-messages.log"
  podman rm -f -t 5 "$CONTAINER" >/dev/null 2>&1
  CONTAINER=""
}

# ---------------------------------------------------------------------------------------------
# 5. The pod: the dev overlay through `podman kube play`, next to a Redis and a PostgreSQL

pod_pid() {
  local infra
  infra="$(podman pod inspect -f '{{.InfraContainerID}}' "$POD" 2>/dev/null)" || return 0
  podman inspect -f '{{.State.Pid}}' "$infra" 2>/dev/null
}

# The Secret that operators create (kubernetes/extras/otel-demo-secrets.yaml), with the location
# store's role, and holding the smoke settings too: a later envFrom source wins, so they override
# the ConfigMap's values.
pod_secret() {
  local data="$1" secret
  secret="$(manifest "$WORK/dev.json" '.[] | select(.kind == "Deployment")
    | .spec.template.spec.containers[0].envFrom[] | select(.secretRef) | .secretRef.name')"
  # podman 4.3 reads a Secret's data as a JSON object of base64 values.
  {
    echo "COGNITO_USER_POOL_ID=us-east-1_smoketest"
    echo "REDIS_URL=redis://127.0.0.1:6379"
    echo "LOCATIONS_DB_USER=$POSTGRES_READER"
    echo "LOCATIONS_DB_PASSWORD=$POSTGRES_READER_PASSWORD"
    smoke_settings "$data" postgresql
  } | jq -R -s 'split("\n") | map(select(length > 0) | capture("^(?<key>[^=]+)=(?<value>.*)$"))
      | map({(.key): (.value | @base64)}) | add' >"$WORK/secret.json"
  podman secret rm "$secret" >/dev/null 2>&1
  SECRET="$secret"
  podman secret create "$secret" "$WORK/secret.json"
}

# What kube play made of the container's security settings and limits.
pod_container_has() {
  local what="$1" expected="$2" actual
  actual="$(podman inspect -f "$what" "$POD_CONTAINER" 2>/dev/null)"
  [ "$actual" = "$expected" ] || { echo "$what is '$actual', expected '$expected'"; return 1; }
}

has_rate_limit_headers() {
  grep -qi '^ratelimit: ' "$1" && grep -qi '^ratelimit-policy: ' "$1"
}

redis_holds_rate_limits() {
  local keys
  keys="$(podman exec "$REDIS_CONTAINER" redis-cli -p 6379 --scan --pattern "rl:{$SMOKE_SUB}:*")"
  echo "keys: ${keys:-none}"
  [ -n "$keys" ]
}

# The PostgreSQL stand-in in the pod, started alone (with the pod's infra container): the owner
# and the application's role are made, the sample data is loaded with the project's own loader
# (./mvnw exec:exec@load-sample-locations, run on this machine inside the pod's network namespace),
# and the application's role may read the table.
postgres_in_pod() {
  podman create --pod "$POD" --name "$POSTGRES_CONTAINER" "$POSTGRES_IMAGE" \
    -c listen_addresses=127.0.0.1 -c port=5432 || return 1
  podman start "$POSTGRES_CONTAINER" || return 1
  local deadline=$((SECONDS + 60))
  until podman exec "$POSTGRES_CONTAINER" pg_isready -q -h 127.0.0.1 -p 5432; do
    [ $SECONDS -lt $deadline ] || return 1
    sleep 1
  done
  podman exec -i "$POSTGRES_CONTAINER" psql -q -h /tmp -U postgres -v ON_ERROR_STOP=1 <<SQL \
    || return 1
CREATE ROLE $POSTGRES_OWNER LOGIN PASSWORD '$POSTGRES_OWNER_PASSWORD';
CREATE DATABASE owntracks OWNER $POSTGRES_OWNER;
CREATE ROLE $POSTGRES_READER LOGIN PASSWORD '$POSTGRES_READER_PASSWORD';
SQL
  NETNS_PID="$(pod_pid)"
  (cd "$ROOT" && LOCATIONS_DB_URL=jdbc:postgresql://127.0.0.1:5432/owntracks \
    LOCATIONS_DB_USER="$POSTGRES_OWNER" LOCATIONS_DB_PASSWORD="$POSTGRES_OWNER_PASSWORD" \
    nsenter --net="/proc/$NETNS_PID/ns/net" ./mvnw --batch-mode -q -o \
      exec:exec@load-sample-locations) || return 1
  podman exec "$POSTGRES_CONTAINER" psql -q -h /tmp -U postgres -d owntracks -v ON_ERROR_STOP=1 \
    -c "GRANT SELECT ON public.locations TO $POSTGRES_READER"
}

# The rows the loader put in: every location record of the sample data's .rec files.
postgres_holds_the_sample_data() {
  local rows records
  rows="$(podman exec "$POSTGRES_CONTAINER" psql -At -h /tmp -U postgres -d owntracks \
    -c 'SELECT count(*) FROM public.locations')"
  records="$(find "$ROOT/sample-data/owntracks/rec" -name '*.rec' -exec cat {} + \
    | awk -F'\t' '$2 ~ /^ *\* *$/ && $3 ~ /"_type": *"location"/' | wc -l)"
  echo "rows: $rows, location records: $records"
  [ -n "$rows" ] && [ "$rows" -gt 0 ] && [ "$rows" = "$records" ]
}

# GET /db/status on the API's port, with the token: the store is the pod's PostgreSQL.
db_status_is_postgresql() {
  local code
  code="$(http -o "$WORK/db-status.json" -w '%{http_code}' -H "Authorization: Bearer $TOKEN" \
    http://127.0.0.1:9080/db/status)"
  echo "$code $(cat "$WORK/db-status.json")"
  [ "$code" = 200 ] && jq -e '.status == "connected" and .database == "owntracks"
    and (.server_version | startswith("PostgreSQL "))' "$WORK/db-status.json" >/dev/null
}

# The pod's job (PostgreSQL) came out as the container's (Recorder files): the same figures, all
# but the time it took, and the same CSV bytes.
same_results() {
  local where
  for where in container pod; do
    jq -S '.result | del(.processing_time_ms)' "$WORK/$where/job.json" \
      >"$WORK/$where/figures.json" || return 1
  done
  diff "$WORK/container/figures.json" "$WORK/pod/figures.json" \
    && cmp "$WORK/container/result.csv" "$WORK/pod/result.csv" \
    && [ "$(jq -r '.result.total_locations // 0' "$WORK/pod/job.json")" -gt 0 ]
}

# No network but the pod's own loopback; started once the Redis is in it.
kube_play() {
  podman kube play --start=false --network none "$1" >"$WORK/kube-play.out" || return 1
  POD="$(sed -n '/^Pod:/{n;p;q}' "$WORK/kube-play.out")"
  [ -n "$POD" ]
}

fill_volume() {
  local mountpoint
  podman volume create "$1" >/dev/null && mountpoint="$(podman volume mount "$1")" \
    && cp -r "$WORK/smoke-data/." "$mountpoint/" && podman volume unmount "$1" >/dev/null
}

run_pod() {
  require "kubernetes/overlays/dev renders" render_to "$ROOT/kubernetes/overlays/dev" "$WORK/dev.json"
  local image claim deployment started
  image="$(manifest "$WORK/dev.json" '.[] | select(.kind == "Deployment") | .spec.template.spec.containers[0].image')"
  deployment="$(manifest "$WORK/dev.json" '.[] | select(.kind == "Deployment") | .metadata.name')"
  require "image tagged as the dev overlay's $image" podman tag "$APP_IMAGE" "$image"
  # The worker's CSV claim becomes a podman volume of the claim's name: here it holds the sample
  # data and the test issuer's JWKS, read-only as the claim is mounted.
  claim="$(manifest "$WORK/dev.json" '.[] | select(.kind == "Deployment") | .spec.template.spec.volumes[]
    | select(.persistentVolumeClaim) | .persistentVolumeClaim.claimName')"
  local mount
  mount="$(manifest "$WORK/dev.json" --arg claim "$claim" '.[] | select(.kind == "Deployment")
    | .spec.template.spec as $p | $p.volumes[] | select(.persistentVolumeClaim.claimName == $claim)
    | .name as $n | $p.containers[0].volumeMounts[] | select(.name == $n) | .mountPath')"
  podman volume rm -f "$claim" >/dev/null 2>&1
  POD_VOLUMES+=("$claim")
  require "volume $claim holds the sample data and the test issuer's JWKS" fill_volume "$claim"
  # Passwords of this run only.
  POSTGRES_OWNER_PASSWORD="owner-$(od -An -N8 -tx8 /dev/urandom | tr -d ' ')"
  POSTGRES_READER_PASSWORD="reader-$(od -An -N8 -tx8 /dev/urandom | tr -d ' ')"
  require "Secret created (Cognito client, REDIS_URL, the location store's role, smoke settings)" \
    pod_secret "$mount"
  # The pod has no network but its loopback, where every request goes; kube play would map the
  # container's ports, which needs a bridge, so they are left out. The ConfigMap's LOCATIONS_DB_URL
  # keeps its database and parameters but points at the PostgreSQL in the pod.
  manifest "$WORK/dev.json" '.[] | select(.kind == "Deployment" or .kind == "ConfigMap")
    | del(.spec.template.spec.containers[]?.ports)
    | if .kind == "ConfigMap" and .data.LOCATIONS_DB_URL then
        .data.LOCATIONS_DB_URL |= sub("//[^/]*/"; "//127.0.0.1:5432/") else . end' \
    | jq -r '"---", tojson' >"$WORK/pod.yaml"
  info "pod: LOCATIONS_DB_URL=$(jq -r 'select(.kind? == "ConfigMap") | .data.LOCATIONS_DB_URL' \
    <(grep -v '^---$' "$WORK/pod.yaml"))"
  podman pod rm -f "$deployment-pod-0" >/dev/null 2>&1
  require "podman kube play of the dev overlay's Deployment and ConfigMap (pod created)" \
    kube_play "$WORK/pod.yaml"
  POD_CONTAINER="$(podman ps -a --pod --filter "pod=$POD" --format '{{.Names}}' | grep -v infra | head -1)"
  REDIS_CONTAINER="otel-demo-smoke-redis-$$"
  require "Redis stand-in added to the pod, on its loopback" \
    podman create --pod "$POD" --name "$REDIS_CONTAINER" "$REDIS_IMAGE" \
      --bind 127.0.0.1 --port 6379 --save '' --appendonly no
  POSTGRES_CONTAINER="otel-demo-smoke-postgresql-$$"
  require "PostgreSQL stand-in added to the pod on 127.0.0.1:5432, the sample data loaded" \
    postgres_in_pod
  check "pod: the PostgreSQL stand-in holds every location record of the sample data" \
    postgres_holds_the_sample_data
  started=$SECONDS
  require "pod starts" podman pod start "$POD"
  if wait_ready "$started" "$STARTUP_BUDGET" pod_pid; then
    pass "pod: /health/ready answers 200 after $READY_SECONDS s"
    POD_READY=$READY_SECONDS
  else
    fail "pod: /health/ready did not answer 200 within $STARTUP_BUDGET s"
    last_messages "$POD_CONTAINER"
    return
  fi
  check "pod: read-only root file system" pod_container_has '{{.HostConfig.ReadonlyRootfs}}' true
  check "pod: runs as uid 1001" pod_container_has '{{.Config.User}}' 1001
  check "pod: no capabilities" pod_container_has '{{len .EffectiveCaps}}' 0
  check "pod: no new privileges" pod_container_has '{{.HostConfig.SecurityOpt}}' '[no-new-privileges]'
  check "pod: memory limit $(manifest "$WORK/dev.json" '.[] | select(.kind == "Deployment") | .spec.template.spec.containers[0].resources.limits.memory')" \
    pod_container_has '{{.HostConfig.Memory}}' "$(numfmt --from=iec-i "$(manifest "$WORK/dev.json" '.[] | select(.kind == "Deployment") | .spec.template.spec.containers[0].resources.limits.memory')")"
  check "pod: /api/distance/jobs without a token answers 401" no_token_is_401
  flow pod
  check "pod: GET /db/status with a token says connected to PostgreSQL's owntracks" \
    db_status_is_postgresql
  check "pod: the job's figures and CSV from PostgreSQL are the container's from the Recorder files" \
    same_results
  check "pod: the calculate answer has RateLimit and RateLimit-Policy headers" \
    has_rate_limit_headers "$CALCULATE_HEADERS"
  check "pod: the rate-limit buckets are in the Redis stand-in (rl:{sub}:*)" redis_holds_rate_limits
  check "pod: nothing was written outside the pod's volumes (podman diff)" \
    nothing_written_outside_volumes "$POD_CONTAINER" "$(manifest "$WORK/dev.json" \
      '.[] | select(.kind == "Deployment") | .spec.template.spec.containers[0].volumeMounts[].mountPath')"
  podman logs "$POD_CONTAINER" >"$WORK/pod.log" 2>&1
  check "pod: Liberty could write everything it needed (no read-only file system errors)" \
    no_write_failures "$WORK/pod.log"
  check "pod: the console log is JSON lines" logs_are_json "$WORK/pod.log"
  check "pod: no token in the console log" logs_hold_no_token "$WORK/pod.log"
}

# ---------------------------------------------------------------------------------------------

main() {
  exec 3>&1
  WORK="$(mktemp -d "${TMPDIR:-/tmp}/otel-demo-smoke.XXXXXX")"
  trap cleanup EXIT
  trap 'exit 130' INT TERM
  prerequisites || exit 1
  require "engine: podman with runc and ulimits within the hard limits" engine_config
  CACHE="$(cache_dir)" || { fail "no writable cache folder"; exit 1; }
  MAVEN_REPOSITORY="${MAVEN_REPOSITORY:-$HOME/.m2/repository}"
  JDK_BASE="$(awk 'toupper($1) == "FROM" { print $2 }' "$ROOT/Dockerfile" | sed -n 1p)"
  LIBERTY_BASE="$(awk 'toupper($1) == "FROM" { print $2 }' "$ROOT/Dockerfile" | sed -n 2p)"
  LIBERTY_VERSION="$(sed -n 's:.*<openliberty.version>\(.*\)</openliberty.version>.*:\1:p' "$ROOT/pom.xml")"
  PROJECT_VERSION="$(cd "$ROOT" && ./mvnw --batch-mode -q help:evaluate -Dexpression=project.version -DforceStdout)"
  check "the Dockerfile's Open Liberty base ($LIBERTY_BASE) is the pom's runtime $LIBERTY_VERSION" \
    liberty_base_is_the_poms_runtime
  local started=$SECONDS
  require "base images: stand-ins for $JDK_BASE and $LIBERTY_BASE built" base_images
  info "base images ready in $((SECONDS - started)) s"
  started=$SECONDS
  require "image built from the unchanged Dockerfile (podman build --pull=never)" build_image
  BUILD_SECONDS=$((SECONDS - started))
  info "image build took $BUILD_SECONDS s; size $(podman image inspect -f '{{.Size}}' "$APP_IMAGE" | numfmt --to=iec-i)B"
  choose_renderer || { fail "manifest renderer"; exit 1; }
  require "test issuer and sample data prepared" issuer
  run_container
  run_pod
  if [ -s "$WORK/retries.log" ]; then info "retried: $(tr '\n' ';' <"$WORK/retries.log")"; fi
  info "timings: image build ${BUILD_SECONDS} s, container ready ${CONTAINER_READY:-?} s, pod ready ${POD_READY:-?} s, container RSS ${CONTAINER_RSS:-?} MiB"
}

main "$@"
