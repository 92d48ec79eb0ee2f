#!/usr/bin/env bash
# Runs a command against a real, private, throwaway Secret Service (gnome-keyring), so that keytar (and the
# console's SecretStore) can be exercised for real on a machine or CI runner with no desktop session.
#
#   dbus-run-session -- bash scripts/with-keyring.sh npx vitest run test/integration/secrets
#   bash scripts/with-keyring.sh <command...>        # also works: it starts its own private bus
#
# What it guarantees:
# - A private D-Bus session bus. Without the private-bus marker it re-executes itself under a fresh
#   `dbus-run-session`, so a host desktop's keyring can never be reached, even when the caller already has a bus.
# - A private keyring home: HOME, XDG_DATA_HOME, XDG_RUNTIME_DIR, XDG_CONFIG_HOME and XDG_CACHE_HOME point into
#   a temp dir that is deleted on exit; nothing persists between runs and nothing from the host leaks in.
# - A default `login` collection that exists and is unlocked before the command starts (checked over D-Bus).
#   gnome-keyring 42 only creates the login collection when --unlock receives a NON-empty password, so a random
#   per-run password is piped on stdin (never written anywhere; the keyring is deleted with the temp dir).
# - Exports GNOME_KEYRING_CONTROL and GEM_SCIM_TEST_KEYRING=1 (integration tests check the latter to fail loudly
#   when they are not run under this wrapper).
# The command runs as a child (not exec) so the daemon can be stopped and the temp dir removed afterwards; its exit
# status is passed through.
set -euo pipefail

if [[ $# -eq 0 ]]; then
  echo "usage: scripts/with-keyring.sh <command...>" >&2
  exit 2
fi

if [[ "${GEM_SCIM_KEYRING_PRIVATE_BUS:-}" != "1" ]]; then
  if ! command -v dbus-run-session >/dev/null 2>&1; then
    echo "with-keyring: dbus-run-session not found; install dbus (e.g. apt-get install dbus dbus-x11)" >&2
    exit 127
  fi
  export GEM_SCIM_KEYRING_PRIVATE_BUS=1
  exec dbus-run-session -- bash "${BASH_SOURCE[0]}" "$@"
fi

if ! command -v gnome-keyring-daemon >/dev/null 2>&1; then
  echo "with-keyring: gnome-keyring-daemon not found; install gnome-keyring and libsecret-1-dev" >&2
  exit 127
fi
if [[ -z "${DBUS_SESSION_BUS_ADDRESS:-}" ]]; then
  echo "with-keyring: no DBUS_SESSION_BUS_ADDRESS inside dbus-run-session" >&2
  exit 1
fi

keyring_root="$(mktemp -d "${TMPDIR:-/tmp}/gem-scim-keyring.XXXXXX")"
daemon_pid=""

cleanup() {
  if [[ -n "$daemon_pid" ]] && kill -0 "$daemon_pid" 2>/dev/null; then
    kill "$daemon_pid" 2>/dev/null || true
    wait "$daemon_pid" 2>/dev/null || true
  fi
  rm -rf "$keyring_root"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

export HOME="$keyring_root/home"
export XDG_DATA_HOME="$keyring_root/data"
export XDG_CONFIG_HOME="$keyring_root/config"
export XDG_CACHE_HOME="$keyring_root/cache"
export XDG_RUNTIME_DIR="$keyring_root/run"
mkdir -p "$HOME" "$XDG_DATA_HOME" "$XDG_CONFIG_HOME" "$XDG_CACHE_HOME" "$XDG_RUNTIME_DIR"
chmod 700 "$keyring_root" "$XDG_RUNTIME_DIR"

control_dir="$XDG_RUNTIME_DIR/keyring"
password="$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')"

# --foreground keeps the daemon our child so we know its pid; --unlock reads the login password from stdin and
# creates the login collection with it when none exists.
printf '%s' "$password" |
  gnome-keyring-daemon --foreground --unlock --components=secrets --control-directory="$control_dir" \
    >"$keyring_root/daemon.out" 2>"$keyring_root/daemon.err" &
daemon_pid=$!
unset password

bus_call() {
  gdbus call --session --timeout 5 "$@"
}

# Wait for the daemon to own org.freedesktop.secrets.
for _ in $(seq 1 100); do
  if bus_call --dest org.freedesktop.DBus --object-path /org/freedesktop/DBus \
    --method org.freedesktop.DBus.NameHasOwner org.freedesktop.secrets 2>/dev/null | grep -q true; then
    break
  fi
  if ! kill -0 "$daemon_pid" 2>/dev/null; then
    echo "with-keyring: gnome-keyring-daemon exited early:" >&2
    cat "$keyring_root/daemon.err" >&2
    exit 1
  fi
  sleep 0.1
done

# Make sure the default alias points at an unlocked login collection, so keytar's writes succeed.
default_path=""
for _ in $(seq 1 50); do
  default_path="$(bus_call --dest org.freedesktop.secrets --object-path /org/freedesktop/secrets \
    --method org.freedesktop.Secret.Service.ReadAlias default 2>/dev/null || true)"
  [[ "$default_path" == *"/collection/login"* ]] && break
  sleep 0.1
done
if [[ "$default_path" != *"/collection/login"* ]]; then
  echo "with-keyring: the keyring has no default login collection (ReadAlias default -> ${default_path:-nothing})" >&2
  cat "$keyring_root/daemon.err" >&2
  exit 1
fi
locked="$(bus_call --dest org.freedesktop.secrets --object-path /org/freedesktop/secrets/collection/login \
  --method org.freedesktop.DBus.Properties.Get org.freedesktop.Secret.Collection Locked)"
if [[ "$locked" != "(<false>,)" ]]; then
  echo "with-keyring: the login collection is locked ($locked)" >&2
  exit 1
fi

export GNOME_KEYRING_CONTROL="$control_dir"
# Anything else the daemon printed (it prints KEY=VALUE lines in some modes) is exported too.
while IFS='=' read -r key value; do
  [[ "$key" =~ ^[A-Z_]+$ ]] && export "$key=$value"
done <"$keyring_root/daemon.out"
export GEM_SCIM_TEST_KEYRING=1
# The temp HOME has no npm config: keep npx from asking the registry whether npm itself is outdated.
export npm_config_update_notifier=false

set +e
"$@"
status=$?
set -e
exit "$status"
