#!/usr/bin/env bash
# Installs the Debian packages the project runs: redis-server (cache), nginx
# (load balancer), prometheus (promtool checks the configs), docker-compose
# (validates the compose files; no Docker engine needed), gettext-base
# (envsubst renders the nginx template as the nginx image does), chromium
# (the web app's end-to-end tests drive it with playwright-core).
# Needs root for apt-get; prints what to do otherwise.
#
#   scripts/system-deps.sh                      every package above (make system-deps, make test)
#   scripts/system-deps.sh nginx redis-server   only what these commands need (make lb)
set -euo pipefail

# command -> Debian package
declare -A PACKAGES=(
  [redis-server]=redis-server
  [nginx]=nginx
  [promtool]=prometheus
  [docker-compose]=docker-compose
  [envsubst]=gettext-base
  [chromium]=chromium
)

# Debian installs nginx in /usr/sbin, which is not on a non-root user's PATH: without these
# dirs an installed nginx looks missing, and the suggested apt-get install cannot fix that.
PATH="$PATH:/usr/sbin:/sbin"

wanted=("$@")
[ ${#wanted[@]} -eq 0 ] && wanted=("${!PACKAGES[@]}")

missing=()
for command in "${wanted[@]}"; do
  if [ -z "${PACKAGES[$command]:-}" ]; then
    echo "system-deps.sh: unknown command $command (known: ${!PACKAGES[*]})" >&2
    exit 2
  fi
  command -v "$command" >/dev/null 2>&1 || missing+=("${PACKAGES[$command]}")
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "Missing Debian packages: ${missing[*]}" >&2
  echo "Install them with: sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi

echo "[system-deps] installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
# Debian starts these as services (ports 6379, 80, 9090); ours are started on demand.
for service in redis-server nginx prometheus prometheus-node-exporter; do
  if command -v systemctl >/dev/null 2>&1 && systemctl is-active --quiet "$service" 2>/dev/null; then
    systemctl stop "$service" || true
    systemctl disable "$service" >/dev/null 2>&1 || true
  fi
done
