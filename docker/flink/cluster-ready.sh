#!/bin/bash
# Health check of the JobManager: healthy once its REST API answers and at least one TaskManager
# has registered, because only then can the callqa job be scheduled. The Flink image has no curl,
# so this speaks HTTP over bash's /dev/tcp.
set -euo pipefail
exec 3<>/dev/tcp/localhost/8081
printf 'GET /overview HTTP/1.0\r\nHost: localhost\r\n\r\n' >&3
grep -Eq '"taskmanagers": *[1-9]' <&3
