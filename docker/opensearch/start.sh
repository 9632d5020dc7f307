#!/bin/bash
# Entry point of the OpenSearch service: writes the security plugin's internal users
# (docker/opensearch/internal_users.yml) with bcrypt hashes of the passwords in docker/.env, made
# with the plugin's own hash tool, then starts the image's usual entry point. The demo
# configuration (public demo certificates, demo users with well-known passwords) is never
# installed: DISABLE_INSTALL_DEMO_CONFIG is set in compose.yaml.
set -euo pipefail

home=/usr/share/opensearch
users=$home/config/opensearch-security/internal_users.yml

hash() {
  # The tool prints a deprecation banner before the hash; keep the bcrypt line only.
  bash "$home/plugins/opensearch-security/tools/hash.sh" -p "$1" | grep -E '^\$2[aby]\$' | tail -n 1
}

admin_hash=$(hash "${OPENSEARCH_ADMIN_PASSWORD:?set OPENSEARCH_ADMIN_PASSWORD in docker/.env}")
dashboards_hash=$(hash "${OPENSEARCH_DASHBOARDS_PASSWORD:?set OPENSEARCH_DASHBOARDS_PASSWORD in docker/.env}")
console_hash=$(hash "${OPENSEARCH_CONSOLE_PASSWORD:?set OPENSEARCH_CONSOLE_PASSWORD in docker/.env}")
job_hash=$(hash "${OPENSEARCH_JOB_PASSWORD:?set OPENSEARCH_JOB_PASSWORD in docker/.env}")
if [[ -z "$admin_hash" || -z "$dashboards_hash" || -z "$console_hash" || -z "$job_hash" ]]; then
  echo "opensearch: could not hash the passwords with hash.sh" >&2
  exit 1
fi

# The template (docker/opensearch/internal_users.yml) names the users; only the hashes are filled
# in here; the replacement is quoted so that no character of a hash is special to bash.
content=$(<"$home/callqa-internal-users.yml")
content=${content//@ADMIN_HASH@/"$admin_hash"}
content=${content//@DASHBOARDS_HASH@/"$dashboards_hash"}
content=${content//@CONSOLE_HASH@/"$console_hash"}
content=${content//@JOB_HASH@/"$job_hash"}
printf '%s\n' "$content" >"$users"

exec "$home/opensearch-docker-entrypoint.sh" opensearch
