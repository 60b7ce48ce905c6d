#!/usr/bin/env bash
# Submits a SparkGAN job to YARN (HADOOP_CONF_DIR must point at the cluster's configuration):
#   submit/yarn.sh JOB [job options]
# SPARKGAN_DEPLOY_MODE=cluster runs the driver in the cluster (default: client, so that the
# job's exit status and JSON summary reach the scheduler that launched it).
# Extra spark-submit options go in SPARK_SUBMIT_EXTRA (e.g. "--num-executors 8 --queue ml").
set -euo pipefail
[[ $# -ge 1 ]] || { echo "usage: $0 JOB [options]" >&2; exit 2; }
source "$(dirname "$0")/spark-submit-common.sh"
# shellcheck disable=SC2086
exec "${SPARK_SUBMIT[@]}" --master yarn --deploy-mode "${SPARKGAN_DEPLOY_MODE:-client}" \
  "${SPARKGAN_SUBMIT_OPTIONS[@]}" ${SPARK_SUBMIT_EXTRA:-} "$SPARKGAN_JAR" "$@"
