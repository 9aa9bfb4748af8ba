import { describePrunedCastErrors, type ParityEngine } from "@tablepipe/sql/test-support";
import { afterAll, beforeAll, inject } from "vitest";
import { runOnSpark } from "./engine/run-on-spark";
import { SparkSession } from "./engine/spark-session";

/** Runs against the Spark Connect server the global setup found (`pnpm spark:start`); none: declared, not run. */
const remote = inject("sparkRemote");

let session: SparkSession | undefined;
beforeAll(async () => {
  if (remote !== "") session = await SparkSession.connect(remote);
});
afterAll(async () => {
  await session?.close();
});

const engine: ParityEngine = {
  name: "spark",
  runs: 1,
  timeoutMs: 180_000,
  run: (p, columnTypes) => runOnSpark(p, { columnTypes, remote: session as SparkSession }),
};

describePrunedCastErrors(engine, remote !== "");
