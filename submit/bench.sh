#!/usr/bin/env bash
# Measures training speed: the plain single-JVM DL4J loop against SparkGAN on local[1],
# local[2] and a standalone cluster of two one-core workers (started and stopped here, on
# 127.0.0.1), for the DCGAN and the MLP on Fashion-MNIST. Prints tables and one JSON line.
#   submit/bench.sh [--quick] [--plain-only] [--networks dcgan,mlp] [--set KEY=VALUE ...]
# --quick is a smoke run of about a minute (no cluster); --plain-only measures the plain
# loop alone, for comparing native settings. SPARKGAN_NATIVE_DEFAULTS=1 leaves the OpenMP
# variables as they are (unset: ND4J's own defaults) instead of one passive thread per task.
# Run it on an otherwise idle machine: other work on the same cores shows up in every figure.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
source "$root/submit/java17-options.sh"
jar="$root/spark-jobs/target/sparkgan-spark-jobs-0.1.0-SNAPSHOT.jar"
classpath_file="$root/spark-jobs/target/local-classpath.txt"
cluster_classpath="$root/spark-jobs/target/spark-home-classpath.txt"
if [[ ! -f "$jar" || ! -f "$classpath_file" || ! -f "$cluster_classpath" ]]; then
  echo "Building SparkGAN (first run only)..." >&2
  (cd "$root" && mvn -B -q -DskipTests install) >&2
fi
if [[ -z "${SPARKGAN_NATIVE_DEFAULTS:-}" ]]; then
  export OMP_NUM_THREADS="${OMP_NUM_THREADS:-1}"
  export OMP_WAIT_POLICY="${OMP_WAIT_POLICY:-PASSIVE}"
fi
export SPARK_LOCAL_IP="${SPARK_LOCAL_IP:-127.0.0.1}"
data="${FASHION_MNIST:-$root/../shared/datasets/fashion-mnist}/train-images-idx3-ubyte.gz"
# shellcheck disable=SC2086
exec java ${SPARKGAN_JAVA_OPTIONS:--Xmx6g} $JAVA17_OPTIONS \
  -cp "$jar:$(cat "$classpath_file")" com.sparkgan.jobs.Main bench --input "$data" \
  --cluster-classpath "$cluster_classpath" --jar "$jar" --opens "$JAVA17_OPTIONS" "$@"
