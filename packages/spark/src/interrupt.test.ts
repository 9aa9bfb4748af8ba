import { defineTransform, pipe } from "@tablepipe/core";
import { fixedOrders } from "@tablepipe/sql/test-support";
import { dropDuplicates } from "@tablepipe/transforms";
import { afterEach, describe, expect, inject, it, vi } from "vitest";
import * as z from "zod";
import { SparkQueryError } from "./client/errors";
import { SparkConnectClient } from "./client/spark-connect-client";
import { runOnSpark } from "./engine/run-on-spark";
import { SparkSession } from "./engine/spark-session";

/** Runs against the Spark Connect server the global setup found (`pnpm spark:start`); none: declared, not run. */
const remote = inject("sparkRemote");

/**
 * A step Spark spends a while on: it keeps every row once Spark has hashed `rows` numbers (one partition, so
 * that the rest of the server stays free). With 10^10 rows it runs for ~30 s (3 × 10^8 a second here) unless it is
 * interrupted: far longer than the second the tests wait before they interrupt it, and short enough that a job
 * Spark starts although the interrupt came while it planned (SPARK-43331) holds a core for half a minute only.
 */
const waitOnSpark = defineTransform({
  name: "waitOnSpark",
  params: z.object({ rows: z.number() }),
  apply: (table) => table,
  sql: ({ rows }, c) =>
    `SELECT * FROM ${c.input} WHERE (SELECT sum(hash(id)) FROM range(0, ${rows}, 1, 1)) IS NOT NULL`,
});
const LONG_RUN = 1e10;

/** Abort `controller` once the pipe's query has been sent to Spark (and has had a moment to start its job). */
function abortDuringThePipesQuery(session: SparkSession, controller: AbortController): void {
  const sql = session.client.sql.bind(session.client);
  vi.spyOn(session.client, "sql").mockImplementation((query, what, options) => {
    const running = sql(query, what, options);
    // not a timer that decides the outcome: the query cannot end by itself first
    if (what === "the pipe's query")
      setTimeout(() => controller.abort(new Error("interrupted by SIGINT")), 1000);
    return running;
  });
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe("runOnSpark's signal, without a server", () => {
  it("throws the reason of an already aborted signal before connecting", async () => {
    const connect = vi.spyOn(SparkSession, "connect");
    const run = runOnSpark(pipe(fixedOrders()).transform(dropDuplicates), {
      remote: "sc://localhost:1",
      signal: AbortSignal.abort(new Error("interrupted by SIGINT")),
    });
    await expect(run).rejects.toThrow("interrupted by SIGINT");
    expect(connect).not.toHaveBeenCalled();
  });
});

describe.runIf(remote !== "")("runOnSpark's signal against a real Spark", { timeout: 120_000 }, () => {
  it("interrupts the query running on a session shared between runs, which runs the next pipe", async () => {
    const session = await SparkSession.connect(remote);
    try {
      const orders = pipe(fixedOrders()).transform(dropDuplicates);
      // the step's query once, short: Spark has compiled its like before the long one
      await runOnSpark(orders.transform(waitOnSpark, { rows: 1000 }), { remote: session });
      const controller = new AbortController();
      abortDuringThePipesQuery(session, controller);
      const error = await runOnSpark(orders.transform(waitOnSpark, { rows: LONG_RUN }), {
        remote: session,
        signal: controller.signal,
      }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SparkQueryError);
      expect(error).toMatchObject({ kind: "interrupted", step: "the pipe's query" });
      expect((error as Error).message).toBe(
        "the pipe's query: the query was interrupted: interrupted by SIGINT",
      );
      vi.restoreAllMocks();
      const next = await runOnSpark(orders, { remote: session });
      expect(next.table.objects()).toEqual(orders.run().table.objects());
    } finally {
      await session.close();
    }
  });

  it("releases the session it opened for an interrupted run; a new one runs the next pipe", async () => {
    const controller = new AbortController();
    const connect = SparkSession.connect.bind(SparkSession);
    const opened: SparkSession[] = [];
    vi.spyOn(SparkSession, "connect").mockImplementation(async (to, options) => {
      const session = await connect(to, options);
      opened.push(session);
      abortDuringThePipesQuery(session, controller);
      return session;
    });
    const orders = pipe(fixedOrders()).transform(dropDuplicates);
    const run = runOnSpark(orders.transform(waitOnSpark, { rows: LONG_RUN }), {
      remote,
      signal: controller.signal,
    });
    await expect(run).rejects.toThrow("the pipe's query: the query was interrupted: interrupted by SIGINT");
    expect(opened).toHaveLength(1);
    // released: the server refuses the session's id from now on
    const again = SparkConnectClient.connect(`${remote}/;session_id=${opened[0]?.client.sessionId}`);
    try {
      await expect(again.sql("SELECT 1", "after the release")).rejects.toThrow(/SESSION_CLOSED/);
    } finally {
      await again.close().catch(() => undefined);
    }
    vi.restoreAllMocks();
    const next = await runOnSpark(orders, { remote });
    expect(next.table.objects()).toEqual(orders.run().table.objects());
  });

  it("stops a call of the client alone: Spark interrupts it by its operation id", async () => {
    const session = await SparkSession.connect(remote);
    try {
      await session.client.sql("SELECT sum(hash(id)) FROM range(0, 1000, 1, 1)", "warming up");
      const controller = new AbortController();
      const call = session.client.sql(`SELECT sum(hash(id)) FROM range(0, ${LONG_RUN}, 1, 1)`, "a long sum", {
        signal: controller.signal,
      });
      setTimeout(() => controller.abort(new Error("stop")), 1000);
      await expect(call).rejects.toMatchObject({ kind: "interrupted", step: "a long sum", detail: "stop" });
      const after = await session.client.sql("SELECT 1 AS one", "after the interrupt");
      expect(after.batches.length).toBeGreaterThan(0);
    } finally {
      await session.close();
    }
  });
});
