/**
 * The built chart worker (dist/chart-worker.js, what a built job draws its report's charts with) gives the
 * chart sections the calling thread gives, byte for byte, answers them in the order they were asked, and
 * reports vega's errors by message.
 */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { afterAll, describe, expect, it } from "vitest";
import type { ChartReply, ChartRequest } from "./chart-worker";
import { sampleReportInput } from "./fixture";
import { chartSectionRequests, renderChartSections } from "./render-report";

const script = fileURLToPath(new URL("../../dist/chart-worker.js", import.meta.url));
const workers: Worker[] = [];
afterAll(async () => {
  await Promise.all(workers.map((w) => w.terminate()));
});

/** Post `requests` to one new worker at once; its replies, in the order they came. */
function ask(requests: readonly ChartRequest[]): Promise<ChartReply[]> {
  const worker = new Worker(script);
  workers.push(worker);
  const replies: ChartReply[] = [];
  return new Promise((resolve, reject) => {
    worker.on("message", (reply: ChartReply) => {
      replies.push(reply);
      if (replies.length === requests.length) resolve(replies);
    });
    worker.once("error", reject);
    for (const request of requests) worker.postMessage(request);
  });
}

describe("the built chart worker (the test command builds first)", () => {
  it("is built beside the bundle", () => {
    expect(existsSync(script), `${script} is missing: run pnpm build first`).toBe(true);
  });

  it("draws the sections the calling thread draws, byte for byte, answering in the order asked", async () => {
    const { funnel, importances, predictions } = sampleReportInput(3_000);
    const input = { funnel, importances, predictions };
    const options = { maxPoints: 500, residualBins: 20 };
    const replies = await ask(chartSectionRequests(input).map((request) => ({ request, options })));
    const here = await renderChartSections(input, options);
    expect(replies).toEqual([
      { ok: true, section: "funnel", html: here.funnel },
      { ok: true, section: "importances", html: here.importances },
      { ok: true, section: "predictions", html: here.predictions },
    ]);
    expect(here.predictions).toContain("<svg");
  });

  it("answers a section's error with its message, and goes on with the next", async () => {
    const { funnel, importances, predictions } = sampleReportInput(100);
    const [, importanceRequest, predictionRequest] = chartSectionRequests({
      funnel,
      importances,
      predictions,
    });
    const replies = await ask([
      { request: predictionRequest, options: { maxPoints: 0 } },
      { request: importanceRequest, options: {} },
    ]);
    expect(replies[0]).toEqual({
      ok: false,
      message: "renderReport: maxPoints must be a positive integer, got 0",
    });
    expect(replies[1]).toMatchObject({ ok: true, section: "importances" });
  });
});
