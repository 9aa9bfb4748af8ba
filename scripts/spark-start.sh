#!/usr/bin/env bash
# `pnpm spark:start`: a local Spark 4 Connect server on localhost:15002 (session time zone UTC) for the Spark
# tests, started in the background and waited for until it answers. pyspark comes from PyPI into
# .cache/spark-venv (once; later starts reuse it); the machine's Java 17+ runs it. Idempotent: a server that
# already answers is left as it is. `pnpm spark:stop` stops it.
set -euo pipefail
# shellcheck source=scripts/spark-env.sh
source "$(dirname "$0")/spark-env.sh"
cd "$root"

answers() { (exec 3<>"/dev/tcp/127.0.0.1/$SPARK_PORT") 2>/dev/null; }

if answers; then
  echo "spark-start: a server already answers on localhost:$SPARK_PORT" >&2
  exit 0
fi

# Java 17 or later.
if ! command -v java >/dev/null 2>&1; then
  if [[ "$(id -u)" == "0" ]] && command -v apt-get >/dev/null 2>&1; then
    echo "spark-start: installing Debian's openjdk-17-jre-headless with apt-get" >&2
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq openjdk-17-jre-headless; } >/dev/null
  else
    echo "spark-start: java not found; install Java 17 or later (Debian: apt-get install openjdk-17-jre-headless)" >&2
    exit 1
  fi
fi
java_major="$(java -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -1)"
if [[ -z "$java_major" || "$java_major" -lt 17 ]]; then
  echo "spark-start: Spark 4 needs Java 17 or later; java -version says ${java_major:-nothing}" >&2
  exit 1
fi

# pyspark in a project-local venv (Python 3 with venv, installed as ensure-jupyter.sh does when missing).
if [[ ! -x "$SPARK_VENV/bin/python" ]]; then
  if ! command -v python3 >/dev/null 2>&1 || ! python3 -m venv "$SPARK_VENV" 2>/dev/null; then
    rm -rf "$SPARK_VENV"
    if [[ "$(id -u)" == "0" ]] && command -v apt-get >/dev/null 2>&1; then
      echo "spark-start: installing Debian's python3 and python3-venv with apt-get" >&2
      { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3 python3-venv; } >/dev/null
      python3 -m venv "$SPARK_VENV"
    else
      echo "spark-start: install Python 3.9 or later with its venv module (Debian: apt-get install python3-venv)" >&2
      exit 1
    fi
  fi
fi
stamp="$SPARK_VENV/.installed-pyspark"
if [[ ! -f "$stamp" || "$(cat "$stamp")" != "$SPARK_PYSPARK_VERSION" ]]; then
  echo "spark-start: installing pyspark $SPARK_PYSPARK_VERSION into ${SPARK_VENV#"$root"/} (once, ~400 MB)" >&2
  "$SPARK_VENV/bin/python" -m pip install --quiet --disable-pip-version-check "pyspark==$SPARK_PYSPARK_VERSION"
  echo "$SPARK_PYSPARK_VERSION" >"$stamp"
fi
spark_home="$("$SPARK_VENV/bin/python" -c 'import os, pyspark; print(os.path.dirname(pyspark.__file__))')"

# The wheel has no sbin/start-connect-server.sh; that script is spark-submit of this class, which we run
# ourselves in the background (its jar is in the wheel's jars/).
started=$(date +%s%N)
SPARK_HOME="$spark_home" SPARK_LOCAL_IP=127.0.0.1 nohup "$spark_home/bin/spark-submit" \
  --class org.apache.spark.sql.connect.service.SparkConnectServer \
  --name tablepipe-tests \
  --master 'local[*]' \
  --driver-memory "${TABLEPIPE_SPARK_MEMORY:-3g}" \
  --conf spark.connect.grpc.binding.address=127.0.0.1 \
  --conf "spark.connect.grpc.binding.port=$SPARK_PORT" \
  --conf spark.sql.session.timeZone=UTC \
  --conf spark.ui.enabled=false \
  --conf spark.sql.shuffle.partitions=4 \
  --conf "spark.driver.extraJavaOptions=-Duser.timezone=UTC" \
  spark-internal >"$SPARK_LOG_FILE" 2>&1 &
echo $! >"$SPARK_PID_FILE"

for _ in $(seq 1 360); do
  if answers; then
    ms=$((($(date +%s%N) - started) / 1000000))
    echo "spark-start: Spark Connect $SPARK_PYSPARK_VERSION answers on sc://localhost:$SPARK_PORT after $((ms / 1000)).$(printf '%03d' $((ms % 1000))) s (pid $(cat "$SPARK_PID_FILE"), log ${SPARK_LOG_FILE#"$root"/})" >&2
    exit 0
  fi
  if ! kill -0 "$(cat "$SPARK_PID_FILE")" 2>/dev/null; then
    echo "spark-start: the server stopped while starting; the end of ${SPARK_LOG_FILE#"$root"/}:" >&2
    tail -20 "$SPARK_LOG_FILE" >&2
    rm -f "$SPARK_PID_FILE"
    exit 1
  fi
  sleep 0.5
done
echo "spark-start: no answer on localhost:$SPARK_PORT after 180 s; see ${SPARK_LOG_FILE#"$root"/}" >&2
exit 1
