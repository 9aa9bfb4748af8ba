/**
 * vitest global setup: is a Spark Connect server reachable (TABLEPIPE_SPARK_REMOTE, default
 * sc://localhost:15002)? Checked once per test run; the Spark tests read the answer with
 * `inject("sparkRemote")` (empty: not reachable, and they do not run). Without a server, one line says so and
 * how to start one; with CI=true, no server fails the run (CI starts one, see .ci/run).
 */
import { Socket } from "node:net";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    /** The Spark Connect remote the Spark tests run against; empty when none answers. */
    sparkRemote: string;
  }
}

function answers(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = new Socket();
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once("error", () => done(false));
    socket.connect(port, host, () => done(true));
  });
}

export default async function setup(project: TestProject): Promise<void> {
  const remote = process.env.TABLEPIPE_SPARK_REMOTE ?? "sc://localhost:15002";
  const match = /^sc:\/\/([^:/]+)(?::(\d+))?/.exec(remote);
  const host = match?.[1] ?? "localhost";
  const port = Number(match?.[2] ?? 15002);
  if (await answers(host, port)) {
    project.provide("sparkRemote", remote);
    return;
  }
  if (process.env.CI === "true") {
    throw new Error(
      `no Spark Connect server answers at ${remote}: CI runs the Spark tests (.ci/run starts a server with scripts/spark-start.sh)`,
    );
  }
  if (process.env.TABLEPIPE_SPARK_NOTICE !== "off") {
    console.log(
      `Spark tests did not run: no Spark Connect server at ${remote} (start one with \`npx --yes pnpm@10.34.9 run spark:start\`, stop it with spark:stop)`,
    );
  }
  project.provide("sparkRemote", "");
}
