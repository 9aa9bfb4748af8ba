/**
 * renderCharts with the built chart worker (as a built job draws them): the sections equal those drawn on the
 * calling thread, whether the funnel was drawn ahead of time for this trace, for another one, or the worker
 * fails; an invalid option fails as it does on the calling thread.
 */
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { drawFunnelEarly, drawResultsEarly, renderCharts, useChartWorkerScript } from "./chart-renderer";
import { sampleFunnel, sampleReportInput } from "./fixture";
import { type ReportChartInput, renderChartSections } from "./render-report";

const built = fileURLToPath(new URL("../../dist/chart-worker.js", import.meta.url));
let scratch: string;

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), "chart-renderer-"));
  useChartWorkerScript(built);
});
afterAll(async () => {
  useChartWorkerScript(undefined);
  await rm(scratch, { recursive: true, force: true });
});

function chartInput(rows: number): ReportChartInput {
  const { funnel, importances, predictions } = sampleReportInput(rows);
  return { funnel, importances, predictions };
}

describe("renderCharts in the built chart worker", () => {
  it("draws what the calling thread draws", async () => {
    const input = chartInput(2_000);
    expect(await renderCharts(input)).toEqual(await renderChartSections(input));
  });

  it("uses a funnel drawn ahead of time from the same trace entries", async () => {
    const input = chartInput(1_500);
    drawFunnelEarly([...input.funnel]);
    expect(await renderCharts(input, { maxPoints: 300 })).toEqual(
      await renderChartSections(input, { maxPoints: 300 }),
    );
  });

  it("uses the importances and predictions drawn ahead after the funnel, from equal values", async () => {
    const input = chartInput(1_200);
    drawFunnelEarly(input.funnel);
    drawResultsEarly({
      importances: input.importances.map((entry) => ({ ...entry })),
      predictions: {
        actual: Float64Array.from(input.predictions.actual),
        predicted: Float64Array.from(input.predictions.predicted),
      },
    });
    expect(await renderCharts(input)).toEqual(await renderChartSections(input));
  });

  it("draws the funnel again when the one drawn ahead was another trace's", async () => {
    const input = chartInput(1_000);
    const other = sampleFunnel().map((entry) => ({ ...entry, rowsIn: entry.rowsIn * 3 }));
    drawFunnelEarly(other);
    const sections = await renderCharts(input);
    expect(sections).toEqual(await renderChartSections(input));
    expect(sections.funnel).not.toEqual((await renderChartSections({ ...input, funnel: other })).funnel);
  });

  it("fails on an invalid option as the calling thread does, with a funnel drawn ahead or not", async () => {
    const input = chartInput(100);
    const message = "renderReport: maxPoints must be a positive integer, got 0";
    await expect(renderCharts(input, { maxPoints: 0 })).rejects.toThrow(message);
    drawFunnelEarly(input.funnel);
    await expect(renderCharts(input, { maxPoints: 0 })).rejects.toThrow(message);
  });

  it("asks the worker only for the sections not drawn ahead of time", async () => {
    // a worker that answers with what it was asked, and the options it was asked with
    const echo = join(scratch, "echo-worker.mjs");
    await writeFile(
      echo,
      [
        'import { parentPort } from "node:worker_threads";',
        'parentPort.on("message", ({ request, options }) => parentPort.postMessage(',
        '  { ok: true, section: request.section, html: request.section + " " + options.maxPoints }));',
        "",
      ].join("\n"),
    );
    useChartWorkerScript(echo);
    try {
      const input = chartInput(100);
      drawFunnelEarly(input.funnel);
      expect(await renderCharts(input, { maxPoints: 300 })).toEqual({
        funnel: "funnel undefined",
        importances: "importances 300",
        predictions: "predictions 300",
      });
      drawFunnelEarly(sampleFunnel());
      expect((await renderCharts(input, { maxPoints: 300 })).funnel).toBe("funnel 300");
    } finally {
      useChartWorkerScript(built);
    }
  });

  it("draws again in a new worker when what was drawn ahead differs, else asks nothing more", async () => {
    // a worker that notes each start in a file and answers with what it was asked
    const starts = join(scratch, "starts.txt");
    const noting = join(scratch, "noting-worker.mjs");
    await writeFile(
      noting,
      [
        'import { appendFileSync } from "node:fs";',
        'import { parentPort } from "node:worker_threads";',
        `appendFileSync(${JSON.stringify(starts)}, "started\\n");`,
        'parentPort.on("message", ({ request, options }) => parentPort.postMessage(',
        '  { ok: true, section: request.section, html: request.section + " " + options.maxPoints }));',
        "",
      ].join("\n"),
    );
    useChartWorkerScript(noting);
    const started = async () => (await readFile(starts, "utf8").catch(() => "")).split("\n").length - 1;
    // a worker closed before it starts notes nothing: wait until the one drawing ahead has started
    const startedAhead = async (count: number) => {
      for (let i = 0; i < 500 && (await started()) < count; i++) await new Promise((r) => setTimeout(r, 10));
    };
    const input = chartInput(100);
    const results = { importances: input.importances, predictions: input.predictions };
    const drawn = {
      funnel: "funnel undefined",
      importances: "importances undefined",
      predictions: "predictions undefined",
    };
    try {
      drawFunnelEarly(input.funnel);
      drawResultsEarly(results);
      await startedAhead(1);
      expect(await renderCharts(input)).toEqual(drawn);
      expect(await started()).toBe(1);
      // another prediction: every section again, in a new worker (the first one drew other charts between)
      drawFunnelEarly(input.funnel);
      const actual = Float64Array.from(input.predictions.actual, (value, i) => (i === 7 ? value + 1 : value));
      drawResultsEarly({ ...results, predictions: { ...input.predictions, actual } });
      await startedAhead(2);
      expect(await renderCharts(input)).toEqual(drawn);
      expect(await started()).toBe(3);
      // other options: the predictions drawn ahead with the default ones do not do
      drawFunnelEarly(input.funnel);
      drawResultsEarly(results);
      await startedAhead(4);
      expect(await renderCharts(input, { maxPoints: 300 })).toEqual({
        funnel: "funnel 300",
        importances: "importances 300",
        predictions: "predictions 300",
      });
      expect(await started()).toBe(5);
    } finally {
      useChartWorkerScript(built);
    }
  });

  it("draws on the calling thread when the worker dies, before or after the funnel drawn ahead", async () => {
    const dying = join(scratch, "dying-worker.mjs");
    await writeFile(dying, "process.exit(3);\n");
    useChartWorkerScript(dying);
    try {
      const input = chartInput(800);
      const expected = await renderChartSections(input);
      expect(await renderCharts(input)).toEqual(expected);
      drawFunnelEarly(input.funnel);
      expect(await renderCharts(input)).toEqual(expected);
    } finally {
      useChartWorkerScript(built);
    }
  });
});
