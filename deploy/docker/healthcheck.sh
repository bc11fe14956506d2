#!/usr/bin/env bash
# healthcheck PORT PATH: exits 0 when GET http://127.0.0.1:PORT/PATH answers 200, 1 otherwise.
# The images' HEALTHCHECK and the compose file call it; it needs nothing but bash (no curl in the ASP.NET image).
set -u
port="${1:?usage: healthcheck PORT PATH}"
path="${2:?usage: healthcheck PORT PATH}"
exec 3<>"/dev/tcp/127.0.0.1/${port}" || exit 1
printf 'GET %s HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n' "$path" >&3
IFS=' ' read -r -t 5 _ status _ <&3 || exit 1
[[ "$status" == "200" ]]
