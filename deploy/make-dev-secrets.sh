#!/usr/bin/env bash
# make-dev-secrets.sh DIR POSTGRES_HOST: makes DEVELOPMENT-ONLY secrets in DIR (random values, a self-signed cluster
# certificate), never committed (DIR is git-ignored) and never copied into an image. For production, create your own
# (docs/deploy.md, "Secrets").
#   deploy/make-dev-secrets.sh deploy/compose/secrets postgres                         # compose
#   deploy/make-dev-secrets.sh deploy/kubernetes/overlays/dev/secrets rayswarm-postgres # kustomize dev overlay
# Files: postgres-password, connection-string, cluster-secret, tls-password, cluster.pfx, api-keys.json, and
# rayswarm.env (the same values as environment variables, for compose's env_file). Needs openssl.
set -euo pipefail
dir="${1:?usage: make-dev-secrets.sh DIR POSTGRES_HOST}"
pg_host="${2:?usage: make-dev-secrets.sh DIR POSTGRES_HOST}"
if [[ -e "$dir/rayswarm.env" ]]; then
    echo "$dir already holds secrets; delete the folder to make new ones" >&2
    exit 1
fi
mkdir -p "$dir"
chmod 700 "$dir"

random() { openssl rand -hex "$1"; }
pg_password="$(random 16)"
cluster_secret="$(random 32)"
tls_password="$(random 16)"
api_key="$(random 24)"
connection="Host=$pg_host;Port=5432;Username=rayswarm;Password=$pg_password;Database=rayswarm"

printf '%s' "$pg_password" >"$dir/postgres-password"
printf '%s' "$connection" >"$dir/connection-string"
printf '%s' "$cluster_secret" >"$dir/cluster-secret"
printf '%s' "$tls_password" >"$dir/tls-password"
cat >"$dir/api-keys.json" <<JSON
[
  {"name": "admin", "key": "$api_key", "scopes": ["admin"]}
]
JSON
cat >"$dir/rayswarm.env" <<ENV
Rayswarm__Postgres=$connection
Rayswarm__Cluster__Secret=$cluster_secret
Rayswarm__Tls__Password=$tls_password
ENV

# One self-signed certificate for every silo and gateway: they accept a peer that presents the same one (docs/cluster.md).
key="$(mktemp)"
crt="$(mktemp)"
trap 'rm -f "$key" "$crt"' EXIT
openssl req -x509 -newkey rsa:2048 -nodes -days 365 -subj "/CN=rayswarm-cluster" -keyout "$key" -out "$crt" 2>/dev/null
openssl pkcs12 -export -inkey "$key" -in "$crt" -out "$dir/cluster.pfx" -passout "pass:$tls_password"

# The containers' non-root user reads the files through the secret mounts; the folder itself stays private.
chmod 644 "$dir"/*
echo "secrets written to $dir; the admin API key is in $dir/api-keys.json"
