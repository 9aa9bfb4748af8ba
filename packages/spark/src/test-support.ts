/** Helpers of the Spark tests: the Spark engine of the shared parity suites (`@tablepipe/sql/test-support`). */
import type { ParityEngine } from "@tablepipe/sql/test-support";
import { afterAll, beforeAll, inject } from "vitest";
import { runOnSpark } from "./engine/run-on-spark";
import { SparkSession } from "./engine/spark-session";

/** A test file's Spark engine, and whether a server runs (without one the suites are declared, not run). */
export interface SparkParityEngine {
  readonly engine: ParityEngine;
  readonly enabled: boolean;
}

/**
 * The Spark engine of a test file's shared parity suites, on one session of the Spark Connect server the global
 * setup found (`pnpm spark:start`), opened before the file's tests and closed after them; `runs`: cases per property.
 * @example const { engine, enabled } = sparkParityEngine(1); describeEncodeFlagParity(engine, enabled);
 */
export function sparkParityEngine(runs: number): SparkParityEngine {
  const remote = inject("sparkRemote");
  let session: SparkSession | undefined;
  beforeAll(async () => {
    if (remote !== "") session = await SparkSession.connect(remote);
  });
  afterAll(async () => {
    await session?.close();
  });
  return {
    enabled: remote !== "",
    engine: {
      name: "spark",
      runs,
      timeoutMs: 180_000,
      run: (p, columnTypes) => runOnSpark(p, { columnTypes, remote: session as SparkSession }),
    },
  };
}
