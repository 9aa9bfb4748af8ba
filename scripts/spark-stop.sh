#!/usr/bin/env bash
# `pnpm spark:stop`: stop the Spark Connect server `pnpm spark:start` started (by its pid file); quiet when none runs.
set -euo pipefail
# shellcheck source=scripts/spark-env.sh
source "$(dirname "$0")/spark-env.sh"
[[ -f "$SPARK_PID_FILE" ]] || exit 0
pid="$(cat "$SPARK_PID_FILE")"
if kill -0 "$pid" 2>/dev/null; then
  # spark-submit execs java; stop its process group's leader and wait for the port to close.
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  kill -9 "$pid" 2>/dev/null || true
  # and until the port is closed, so that a start right after does not find the old server answering
  for _ in $(seq 1 60); do (exec 3<>"/dev/tcp/127.0.0.1/$SPARK_PORT") 2>/dev/null || break; sleep 0.5; done
  echo "spark-stop: stopped the Spark Connect server (pid $pid)" >&2
fi
rm -f "$SPARK_PID_FILE"
