#!/usr/bin/env bash
# Submits a SparkGAN job to Kubernetes:
#   SPARKGAN_IMAGE=registry/sparkgan:0.1.0 submit/kubernetes.sh k8s://https://API:443 JOB [options]
# The image must hold Spark 3.5 (Scala 2.12, Java 17) and the application jar at
# SPARKGAN_JAR_IN_IMAGE (default local:///opt/sparkgan/sparkgan.jar). The driver runs in
# the cluster; its exit status is the pod's.
set -euo pipefail
[[ $# -ge 2 ]] || { echo "usage: $0 k8s://https://HOST:PORT JOB [options]" >&2; exit 2; }
master=$1; shift
source "$(dirname "$0")/spark-submit-common.sh"
# shellcheck disable=SC2086
exec "${SPARK_SUBMIT[@]}" --master "$master" --deploy-mode cluster \
  --conf "spark.kubernetes.container.image=${SPARKGAN_IMAGE:?set SPARKGAN_IMAGE}" \
  --conf "spark.kubernetes.namespace=${SPARKGAN_NAMESPACE:-default}" \
  "${SPARKGAN_SUBMIT_OPTIONS[@]}" ${SPARK_SUBMIT_EXTRA:-} \
  "${SPARKGAN_JAR_IN_IMAGE:-local:///opt/sparkgan/sparkgan.jar}" "$@"
