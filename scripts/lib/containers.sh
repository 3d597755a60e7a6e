# shellcheck shell=bash
# Shared by scripts/make-base-image and scripts/image-test (sourced, not run).
# Podman on a Debian 12 machine with no Docker engine and no registry.

# The default base image: the Dockerfile's PYTHON_IMAGE default.
default_base_image() {
  sed -n 's/^ARG PYTHON_IMAGE=//p' "$(dirname "${BASH_SOURCE[0]}")/../../Dockerfile" | head -n 1
}

die() {
  echo "$(basename "$0"): $*" >&2
  exit 1
}

# ensure_tools CMD... : installs the Debian packages behind any missing command.
ensure_tools() {
  local -A pkg=([podman]=podman [runc]=runc [slirp4netns]=slirp4netns [fuse-overlayfs]=fuse-overlayfs
    [newuidmap]=uidmap [debootstrap]=debootstrap [curl]=curl)
  local missing=() cmd
  for cmd in "$@"; do
    command -v "$cmd" >/dev/null 2>&1 || missing+=("${pkg[$cmd]:-$cmd}")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  # buildah comes along for podman's build engine configuration.
  [[ " ${missing[*]} " == *" podman "* ]] && missing+=(buildah)
  if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    die "missing ${missing[*]}; install them (Debian: apt-get install ${missing[*]})"
  fi
  echo "# installing ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${missing[@]}" >/dev/null
}

# Podman needs explicit ulimits and runc (crun fails on hybrid cgroups) on this kind of
# machine. An existing system or user configuration wins; otherwise a private one is used
# for this run only (CONTAINERS_CONF), and the caller removes $CONTAINERS_CONF_DIR.
CONTAINERS_CONF_DIR=""
setup_containers_conf() {
  if [ -n "${CONTAINERS_CONF:-}" ] || [ -f /etc/containers/containers.conf ]; then
    return 0
  fi
  local nofile
  nofile=$(ulimit -Hn)
  [ "$nofile" = unlimited ] && nofile=1048576
  CONTAINERS_CONF_DIR=$(mktemp -d "${TMPDIR:-/tmp}/trelloql-containers.XXXXXX")
  cat >"$CONTAINERS_CONF_DIR/containers.conf" <<CONF
[containers]
default_ulimits = ["nofile=$nofile:$nofile", "nproc=32768:32768"]
[engine]
runtime = "runc"
cgroup_manager = "cgroupfs"
events_logger = "file"
CONF
  export CONTAINERS_CONF="$CONTAINERS_CONF_DIR/containers.conf"
}
