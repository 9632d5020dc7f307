#!/bin/bash
# Entry point of the OpenSearch service: writes the security plugin's internal users from the
# passwords in docker/.env (bcrypt hashes, made with the plugin's own hash tool), then starts the
# image's usual entry point. The demo configuration (public demo certificates, demo users with
# well-known passwords) is never installed: DISABLE_INSTALL_DEMO_CONFIG is set in compose.yaml.
set -euo pipefail

home=/usr/share/opensearch
users=$home/config/opensearch-security/internal_users.yml

hash() {
  # The tool prints a deprecation banner before the hash; keep the bcrypt line only.
  bash "$home/plugins/opensearch-security/tools/hash.sh" -p "$1" | grep -E '^\$2[aby]\$' | tail -n 1
}

admin_hash=$(hash "${OPENSEARCH_ADMIN_PASSWORD:?set OPENSEARCH_ADMIN_PASSWORD in docker/.env}")
dashboards_hash=$(hash "${OPENSEARCH_DASHBOARDS_PASSWORD:?set OPENSEARCH_DASHBOARDS_PASSWORD in docker/.env}")
if [[ -z "$admin_hash" || -z "$dashboards_hash" ]]; then
  echo "opensearch: could not hash the passwords with hash.sh" >&2
  exit 1
fi

cat >"$users" <<USERS
_meta:
  type: "internalusers"
  config_version: 2
admin:
  hash: "$admin_hash"
  reserved: true
  backend_roles: ["admin"]
  description: "callqa stack administrator (callqa run, console and dashboards install use it)"
kibanaserver:
  hash: "$dashboards_hash"
  reserved: true
  description: "OpenSearch Dashboards server"
USERS

exec "$home/opensearch-docker-entrypoint.sh" opensearch
