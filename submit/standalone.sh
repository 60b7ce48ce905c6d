#!/usr/bin/env bash
# Submits a SparkGAN job to a Spark standalone master:
#   submit/standalone.sh spark://HOST:7077 JOB [job options]
# Extra spark-submit options go in SPARK_SUBMIT_EXTRA (e.g. "--total-executor-cores 8").
set -euo pipefail
[[ $# -ge 2 ]] || { echo "usage: $0 spark://HOST:PORT JOB [options]" >&2; exit 2; }
master=$1; shift
source "$(dirname "$0")/spark-submit-common.sh"
# shellcheck disable=SC2086
exec "${SPARK_SUBMIT[@]}" --master "$master" --deploy-mode "${SPARKGAN_DEPLOY_MODE:-client}" \
  "${SPARKGAN_SUBMIT_OPTIONS[@]}" ${SPARK_SUBMIT_EXTRA:-} "$SPARKGAN_JAR" "$@"
