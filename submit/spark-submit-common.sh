# Shared by the cluster submit scripts: finds spark-submit and builds the options every
# SparkGAN job needs on a cluster. Sourced; defines SPARK_SUBMIT (an array), SPARKGAN_JAR and
# SPARKGAN_SUBMIT_OPTIONS (an array).
#
# Environment (all optional):
#   SPARK_HOME                 Spark installation; its bin/spark-submit is used
#   SPARKGAN_JAR               application jar (default: the one this checkout builds)
#   SPARKGAN_NATIVE_THREADS    native math threads per executor core (default 1)
#   SPARKGAN_EXECUTOR_MEMORY   executor heap (default 4g)
#   SPARKGAN_EXECUTOR_OVERHEAD off-heap room for ND4J per executor (default 3g)
#   SPARKGAN_OFFHEAP_MAX       JavaCPP's cap on ND4J's off-heap bytes (default 2g)
#   SPARKGAN_PRINCIPAL, SPARKGAN_KEYTAB  Kerberos principal and keytab, passed through
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
source "$root/submit/java17-options.sh"

if [[ -n "${SPARK_HOME:-}" && -x "$SPARK_HOME/bin/spark-submit" ]]; then
  SPARK_SUBMIT=("$SPARK_HOME/bin/spark-submit")
elif [[ -n "${SPARK_HOME:-}" && -d "$SPARK_HOME/jars" ]]; then
  # A SPARK_HOME made of Maven jars only: run the submit entry point the script would run.
  # shellcheck disable=SC2206
  SPARK_SUBMIT=(java $JAVA17_OPTIONS -cp "$SPARK_HOME/jars/*" org.apache.spark.deploy.SparkSubmit)
elif command -v spark-submit >/dev/null 2>&1; then
  SPARK_SUBMIT=(spark-submit)
else
  echo "error: spark-submit not found; set SPARK_HOME to a Spark 3.5 installation." >&2
  exit 2
fi

SPARKGAN_JAR="${SPARKGAN_JAR:-$root/spark-jobs/target/sparkgan-spark-jobs-0.1.0-SNAPSHOT.jar}"
threads="${SPARKGAN_NATIVE_THREADS:-1}"
offheap="${SPARKGAN_OFFHEAP_MAX:-2g}"
# JavaCPP caps ND4J's off-heap arrays; the physical cap covers heap + off-heap of the JVM.
javacpp="-Dorg.bytedeco.javacpp.maxbytes=$offheap -Dorg.bytedeco.javacpp.maxphysicalbytes=0"
SPARKGAN_SUBMIT_OPTIONS=(
  --class com.sparkgan.jobs.Main
  --properties-file "$root/conf/spark-defaults.conf"
  --conf "spark.driver.extraJavaOptions=$JAVA17_OPTIONS"
  --conf "spark.executor.extraJavaOptions=$JAVA17_OPTIONS $javacpp"
  --conf "spark.executor.memory=${SPARKGAN_EXECUTOR_MEMORY:-4g}"
  --conf "spark.executor.memoryOverhead=${SPARKGAN_EXECUTOR_OVERHEAD:-3g}"
  --conf "spark.executorEnv.OMP_NUM_THREADS=$threads"
  --conf "spark.executorEnv.OMP_WAIT_POLICY=PASSIVE"
)
if [[ -n "${SPARKGAN_PRINCIPAL:-}" ]]; then
  SPARKGAN_SUBMIT_OPTIONS+=(--principal "$SPARKGAN_PRINCIPAL" --keytab "${SPARKGAN_KEYTAB:?set SPARKGAN_KEYTAB with SPARKGAN_PRINCIPAL}")
fi
