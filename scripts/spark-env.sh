#!/usr/bin/env bash
# Where the local Spark Connect server of the tests lives: a project-local venv with pyspark (its wheel carries
# Spark's jars, the Connect server included), pid and log files, all in the ignored .cache folder.
# Sourced by spark-start.sh and spark-stop.sh.
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SPARK_VENV="$root/.cache/spark-venv"
SPARK_PID_FILE="$root/.cache/spark-connect.pid"
SPARK_LOG_FILE="$root/.cache/spark-connect.log"
SPARK_PORT="${TABLEPIPE_SPARK_PORT:-15002}"
# The pyspark release the tests run against (its jars hold the Connect server; Java 17+ runs it).
SPARK_PYSPARK_VERSION="4.0.1"
