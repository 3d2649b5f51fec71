# shellcheck shell=bash disable=SC2034
# Shared by deploy/local/up, down and status (sourced, not run).

LOCAL_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$LOCAL_DIR/../.." && pwd)
RUN=${UPUTNICA_RUN_DIR:-$LOCAL_DIR/run} # another run dir: a second stack (e.g. the cold-start test), on other ports
LAUNCHER_JAR=$LOCAL_DIR/launcher/target/uputnica-local-launcher.jar
REALM_FILE=$ROOT/identity/realm/uputnica-realm.json
REALM=uputnica

SERVICES=(case-service referral-service notification-service console)
DATABASES=(cases referrals notifications keycloak)

# Instances (README "Instances"): with UPUTNICA_INSTANCES=N (2..9), each service of SCALED runs as N JVMs named
# NAME-1..NAME-N on extra ports (the usual port + k x UPUTNICA_INSTANCE_PORT_STEP), and NAME itself is an haproxy
# on the usual port that spreads requests over them. up records N in run/instances, so that a later up (a restart
# after a fault) starts the same set; down removes it.
read -r -a SCALED <<<"${UPUTNICA_SCALED_SERVICES:-referral-service notification-service}"
INSTANCE_PORT_STEP=${UPUTNICA_INSTANCE_PORT_STEP:-10}

# instance_count: UPUTNICA_INSTANCES, else the count the running stack was started with, else 1.
instance_count() {
  local n=${UPUTNICA_INSTANCES:-}
  [[ -z $n && -f $RUN/instances ]] && n=$(<"$RUN/instances")
  echo "${n:-1}"
}

# base_of NAME: the service of an instance (referral-service-2 -> referral-service); NAME itself otherwise.
base_of() {
  if [[ $1 =~ ^(.+)-([1-9])$ && " ${SERVICES[*]} " == *" ${BASH_REMATCH[1]} "* ]]; then
    echo "${BASH_REMATCH[1]}"
  else
    echo "$1"
  fi
}
is_scaled() { [[ " ${SCALED[*]} " == *" $1 "* ]]; }

# units_of SERVICE N: the processes of a service: SERVICE alone, or its instances and then the balancer SERVICE.
units_of() {
  local k
  if is_scaled "$1" && (($2 > 1)); then
    for ((k = 1; k <= $2; k++)); do echo "$1-$k"; done
  fi
  echo "$1"
}

# present_units: every service process that has a pid file in run/ (for down and status), the balancer first.
present_units() {
  local c k
  for c in "${SERVICES[@]}"; do
    echo "$c"
    for k in 1 2 3 4 5 6 7 8 9; do [[ -f $RUN/$c-$k.pid ]] && echo "$c-$k"; done
  done
  return 0
}

lb_config() { echo "$RUN/$1.haproxy.cfg"; }

# The configured port of a component (environment overrides, see README.md).
default_port() {
  case $1 in
    postgres) echo "${UPUTNICA_PG_PORT:-5432}" ;;
    kafka) echo "${UPUTNICA_KAFKA_PORT:-9092}" ;;
    kafka-controller) echo "${UPUTNICA_KAFKA_CONTROLLER_PORT:-9093}" ;;
    keycloak) echo "${UPUTNICA_KEYCLOAK_PORT:-8180}" ;;
    keycloak-management) echo "${UPUTNICA_KEYCLOAK_MANAGEMENT_PORT:-9000}" ;;
    case-service) echo "${UPUTNICA_CASE_PORT:-8081}" ;;
    referral-service) echo "${UPUTNICA_REFERRAL_PORT:-8082}" ;;
    notification-service) echo "${UPUTNICA_NOTIFICATION_PORT:-8083}" ;;
    console) echo "${UPUTNICA_CONSOLE_PORT:-8084}" ;;
    *)
      local base
      base=$(base_of "$1")
      [[ $base != "$1" ]] || return 1
      echo $(($(default_port "$base") + ${1##*-} * INSTANCE_PORT_STEP))
      ;;
  esac
}

# The environment variable that sets a component's port.
port_var() {
  case $1 in
    postgres) echo UPUTNICA_PG_PORT ;;
    kafka) echo UPUTNICA_KAFKA_PORT ;;
    kafka-controller) echo UPUTNICA_KAFKA_CONTROLLER_PORT ;;
    keycloak) echo UPUTNICA_KEYCLOAK_PORT ;;
    keycloak-management) echo UPUTNICA_KEYCLOAK_MANAGEMENT_PORT ;;
    case-service) echo UPUTNICA_CASE_PORT ;;
    referral-service) echo UPUTNICA_REFERRAL_PORT ;;
    notification-service) echo UPUTNICA_NOTIFICATION_PORT ;;
    console) echo UPUTNICA_CONSOLE_PORT ;;
    *) echo "$(port_var "$(base_of "$1")") or UPUTNICA_INSTANCE_PORT_STEP" ;;
  esac
}

# The port a component was started with (run/NAME.port), else the configured one.
port_of() {
  if [[ -f $RUN/$1.port ]]; then cat "$RUN/$1.port"; else default_port "$1"; fi
}

service_jar() { echo "$ROOT/$(base_of "$1")/target/quarkus-app/quarkus-run.jar"; }

# The argument that marks the JVMs this stack starts: -Duputnica.local=<run dir>/<component>.
marker() { echo "-Duputnica.local=$RUN/$1"; }

# has_arg PID ARG: whether the process's command line contains exactly this argument.
has_arg() {
  local a
  [[ -r /proc/$1/cmdline ]] || return 1
  while IFS= read -r -d '' a; do
    [[ $a == "$2" ]] && return 0
  done 2>/dev/null <"/proc/$1/cmdline"
  return 1
}

cmdline_of() { tr '\0' ' ' 2>/dev/null <"/proc/$1/cmdline" | cut -c1-"${2:-200}"; }

# Keycloak runs as a process group (bash, kc.sh, java); run/keycloak.pid holds the group id.
keycloak_group_alive() {
  local p
  for p in $(pgrep -g "$1" 2>/dev/null); do
    if grep -qaF -- "$RUN/keycloak/" "/proc/$p/cmdline" 2>/dev/null \
      || has_arg "$p" "--http-port=$(port_of keycloak)"; then
      return 0
    fi
  done
  return 1
}

keycloak_java_pid() { pgrep -g "$1" -x java 2>/dev/null | head -1; }

# pid_of NAME: prints the pid from run/NAME.pid if that process is alive and is the one this stack started.
pid_of() {
  local f=$RUN/$1.pid pid
  [[ -f $f ]] || return 1
  pid=$(<"$f")
  [[ $pid =~ ^[0-9]+$ ]] || return 1
  if [[ $1 == keycloak ]]; then
    keycloak_group_alive "$pid" || return 1
  else
    # a JVM carries the marker; a service's balancer (haproxy) is known by its configuration file
    has_arg "$pid" "$(marker "$1")" || has_arg "$pid" "$(lb_config "$1")" || return 1
  fi
  echo "$pid"
}

# The PostgreSQL server (postmaster) of run/postgres/data, if it runs.
postmaster_pid() {
  local f=$RUN/postgres/data/postmaster.pid pid
  [[ -f $f ]] || return 1
  pid=$(head -n 1 "$f")
  [[ $pid =~ ^[0-9]+$ ]] && has_arg "$pid" "$RUN/postgres/data" && echo "$pid"
}

# listening PORT: whether something listens on this TCP port (any address).
listening() {
  if command -v ss >/dev/null 2>&1; then
    [[ -n $(ss -Hltn "sport = :$1" 2>/dev/null) ]]
  else
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
  fi
}

# port_user PORT: who listens there (for messages).
port_user() {
  local line pid
  command -v ss >/dev/null 2>&1 || { echo "unknown process (install iproute2 for details)"; return; }
  line=$(ss -Hltnp "sport = :$1" 2>/dev/null | head -n 1)
  pid=$(grep -o 'pid=[0-9]*' <<<"$line" | head -n 1 | cut -d= -f2)
  if [[ -n $pid ]]; then
    echo "pid $pid: $(cmdline_of "$pid" 140)"
  else
    echo "${line:-an unknown process}"
  fi
}

http_ok() { curl -fsS -o /dev/null --max-time 3 "$1" 2>/dev/null; }

# health NAME: UP or DOWN, by the component's own readiness check.
health() {
  local ok=1
  case $1 in
    postgres) [[ -f $RUN/postgres.ready ]] && postmaster_pid >/dev/null && listening "$(port_of postgres)" && ok=0 ;;
    kafka) [[ -f $RUN/kafka.ready ]] && listening "$(port_of kafka)" && ok=0 ;;
    keycloak)
      http_ok "http://localhost:$(port_of keycloak-management)/health/ready" \
        && http_ok "http://localhost:$(port_of keycloak)/realms/$REALM/.well-known/openid-configuration" && ok=0 ;;
    *) http_ok "http://localhost:$(port_of "$1")/q/health/ready" && ok=0 ;;
  esac
  if ((ok == 0)); then echo UP; else echo DOWN; fi
}

# components_up: whether every component of the stack runs and is healthy (for bench and chaos).
components_up() {
  local c
  for c in postgres kafka keycloak "${SERVICES[@]}"; do
    pid_of "$c" >/dev/null || return 1
    [[ $(health "$c") == UP ]] || return 1
  done
}

# apt_install PACKAGE...: installs Debian packages as root with apt-get (bench and chaos install their tools when
# missing), else dies saying what to install.
APT_UPDATED=0
apt_install() {
  if [[ $(id -u) != 0 ]] || ! command -v apt-get >/dev/null 2>&1; then
    die "missing: $*; install them (Debian: apt-get install -y $*)"
  fi
  if ((APT_UPDATED == 0)); then
    say "installing $* (apt-get)"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null 2>&1 || true
    APT_UPDATED=1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null 2>&1
}

rss_kb() { awk '/^VmRSS:/ {print $2}' "/proc/$1/status" 2>/dev/null || true; }

# rss_mb PID...: the sum of the processes' resident set sizes in MB.
rss_mb() {
  local total=0 p kb
  for p in "$@"; do
    kb=$(rss_kb "$p")
    total=$((total + ${kb:-0}))
  done
  echo $((total / 1024))
}

# pss_mb PID...: the sum of proportional set sizes (shared pages divided among the processes) in MB.
pss_mb() {
  local total=0 p kb
  for p in "$@"; do
    kb=$(awk '/^Pss:/ {print $2}' "/proc/$p/smaps_rollup" 2>/dev/null || true)
    total=$((total + ${kb:-0}))
  done
  echo $((total / 1024))
}

# Processes whose command line mentions the run directory (launcher JVMs, services, postgres, Keycloak's shell).
processes_of_run_dir() {
  local f pid cmd
  for f in /proc/[0-9]*/cmdline; do
    pid=${f#/proc/}
    pid=${pid%/cmdline}
    [[ $pid == "$$" || $pid == "${BASHPID:-}" ]] && continue
    cmd=$(tr '\0' ' ' 2>/dev/null <"$f") || continue
    [[ $cmd == *"$RUN/"* ]] && echo "$pid $(cut -c1-160 <<<"$cmd")"
  done
  return 0
}

now_ms() { date +%s%3N; }

# Only one up or down at a time (fd 9; up closes it for the processes it starts).
take_lock() {
  mkdir -p "$RUN"
  exec 9>"$RUN/.lock"
  if ! flock -n 9; then
    echo "another deploy/local/up or down is running (lock $RUN/.lock)" >&2
    exit 1
  fi
}

say() { printf '%s\n' "$*"; }
warn() { printf 'WARNING: %s\n' "$*" >&2; }
die() {
  printf 'ERROR: %s\n' "$*" >&2
  exit 1
}
