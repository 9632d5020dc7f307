#!/bin/bash
# Entry point of the one-shot job-submit service: submits the callqa job to the session cluster
# unless a job named "callqa" already runs there, so that `docker compose up` on a running stack
# does not start a second copy. Arguments are passed to `flink run` unchanged.
set -euo pipefail

jobmanager=${FLINK_JOBMANAGER:-jobmanager:8081}

if running=$(flink list -m "$jobmanager" --running 2>/dev/null) \
  && grep -Eq ': callqa \((RUNNING|RESTARTING|CREATED|INITIALIZING)\)' <<<"$running"; then
  echo "job-submit: a callqa job already runs on $jobmanager; not submitting another"
  grep -E ': callqa \(' <<<"$running"
  exit 0
fi

exec flink run -m "$jobmanager" "$@"
