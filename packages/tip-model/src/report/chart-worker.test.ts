/**
 * The built chart worker (dist/chart-worker.js, what a built job draws its report's charts with) gives the
 * chart sections the calling thread gives, byte for byte, and reports vega's errors by message.
 */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { afterAll, describe, expect, it } from "vitest";
import type { ChartReply, ChartRequest } from "./chart-worker";
import { sampleReportInput } from "./fixture";
import { renderChartSections } from "./render-report";

const script = fileURLToPath(new URL("../../dist/chart-worker.js", import.meta.url));
const workers: Worker[] = [];
afterAll(async () => {
  await Promise.all(workers.map((w) => w.terminate()));
});

function ask(request: ChartRequest): Promise<ChartReply> {
  const worker = new Worker(script);
  workers.push(worker);
  return new Promise((resolve, reject) => {
    worker.once("message", resolve);
    worker.once("error", reject);
    worker.postMessage(request);
  });
}

describe("the built chart worker (the test command builds first)", () => {
  it("is built beside the bundle", () => {
    expect(existsSync(script), `${script} is missing: run pnpm build first`).toBe(true);
  });

  it("draws the sections the calling thread draws, byte for byte", async () => {
    const { funnel, importances, predictions } = sampleReportInput(3_000);
    const input = { funnel, importances, predictions };
    const options = { maxPoints: 500, residualBins: 20 };
    const reply = await ask({ input, options });
    expect(reply).toEqual({ ok: true, sections: await renderChartSections(input, options) });
    if (!reply.ok) return;
    expect(reply.sections.predictions).toContain("<svg");
  });

  it("answers with the error's message instead of the sections", async () => {
    const { funnel, importances, predictions } = sampleReportInput(100);
    const reply = await ask({ input: { funnel, importances, predictions }, options: { maxPoints: 0 } });
    expect(reply).toEqual({
      ok: false,
      message: "renderReport: maxPoints must be a positive integer, got 0",
    });
  });
});
