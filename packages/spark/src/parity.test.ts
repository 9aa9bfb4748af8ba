import {
  describeParity,
  describeStddevParity,
  describeTipModelParity,
  describeTypedParity,
  type ParityEngine,
} from "@tablepipe/sql/test-support";
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
  runs: 5, // a query on a local Spark takes ~0.5-1 s: 5 cases per property keep the suite near 2 minutes
  timeoutMs: 180_000,
  run: (p, columnTypes) => runOnSpark(p, { columnTypes, remote: session as SparkSession }),
};

describeParity(engine, remote !== "");
describeTipModelParity(engine, 4000, remote !== "");
describeTypedParity(engine, remote !== "");
describeStddevParity(engine, remote !== "");
