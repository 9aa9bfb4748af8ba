import { configureLogging, resetLogging } from "@tablepipe/job";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { TipAmountModel } from "./tip-amount-model";

/** More rows than the generation makes between two pauses (262,144): it pauses twice. */
const ROWS = 600_000;

/** The job, counting its checkpoints; `abortAt`: the checkpoint at which the run is interrupted. */
class CountingJob extends TipAmountModel {
  checkpoints = 0;

  constructor(
    private readonly controller: AbortController,
    private readonly abortAt = Number.POSITIVE_INFINITY,
  ) {
    super({ sample_rows: ROWS, seed: 3 }, { signal: controller.signal });
  }

  protected override async checkpoint(): Promise<void> {
    this.checkpoints++;
    if (this.checkpoints === this.abortAt) this.controller.abort(new Error("interrupted by SIGINT"));
    await super.checkpoint();
  }
}

let logLines: string[] = [];
beforeEach(() => {
  logLines = [];
  configureLogging({
    stream: { write: (chunk: string) => logLines.push(...chunk.trimEnd().split("\n")) },
    color: false,
  });
});
afterEach(() => resetLogging());

describe("extract on the generated sample", () => {
  it("checks for an interrupt while it generates the trips, not only on entry and exit", async () => {
    const job = new CountingJob(new AbortController());
    await job.extract();
    expect(job.table("taxi_trip_data").numRows()).toBe(ROWS);
    expect(job.checkpoints).toBe(4); // entry, two pauses of the generation, exit
  });

  it("stops at the first pause once interrupted, keeping no trips", async () => {
    const job = new CountingJob(new AbortController(), 2);
    await expect(job.extract()).rejects.toThrow("interrupted by SIGINT");
    expect(job.checkpoints).toBe(2);
    expect(() => job.table("taxi_trip_data")).toThrow(/does not exist yet/);
    expect(logLines.join("\n")).toMatch(/extract: stopped after [\d.]+ m?s: interrupted by SIGINT/);
  });
});
