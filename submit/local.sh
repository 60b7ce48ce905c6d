#!/usr/bin/env bash
# Runs a SparkGAN job with an embedded local Spark: submit/local.sh JOB [options]
#   JOB is train, generate, evaluate, pipeline or bench; --master defaults to local[*].
# Builds the application jar first when it is missing (needs Maven and a JDK 17).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
source "$root/submit/java17-options.sh"
jar="$root/spark-jobs/target/sparkgan-spark-jobs-0.1.0-SNAPSHOT.jar"
classpath_file="$root/spark-jobs/target/local-classpath.txt"
if [[ ! -f "$jar" || ! -f "$classpath_file" ]]; then
  echo "Building SparkGAN (first run only)..." >&2
  (cd "$root" && mvn -B -q -DskipTests install) >&2
fi
# One native math thread per Spark task, and threads that sleep instead of spinning when
# idle: on small machines spinning OpenMP threads steal the cores the other tasks need.
export OMP_NUM_THREADS="${OMP_NUM_THREADS:-1}"
export OMP_WAIT_POLICY="${OMP_WAIT_POLICY:-PASSIVE}"
# Keep the embedded Spark on the loopback interface.
export SPARK_LOCAL_IP="${SPARK_LOCAL_IP:-127.0.0.1}"
# shellcheck disable=SC2086
exec java ${SPARKGAN_JAVA_OPTIONS:--Xmx6g} $JAVA17_OPTIONS \
  -cp "$jar:$(cat "$classpath_file")" com.sparkgan.jobs.Main "$@"
