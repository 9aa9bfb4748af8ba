/**
 * Where the report's charts are drawn: in a worker thread when the package is built (the script
 * `chart-worker.js` beside this bundle), so the job trains and writes its other outputs meanwhile on a second
 * core; on the calling thread otherwise (from sources, in tests) or when the worker cannot be used. Same HTML
 * either way.
 */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { TraceEntry } from "@tablepipe/core";
import { ChartDrawing } from "./chart-drawing";
import {
  chartSectionRequests,
  type ReportChartInput,
  type ReportChartSections,
  renderChartSections,
} from "./render-report";
import type { RenderReportOptions } from "./types";

/** The built worker script beside this module (`chart-worker.js` or `.cjs`), or undefined (e.g. from sources). */
function builtWorkerScript(): string | undefined {
  let here: string;
  try {
    here = fileURLToPath(import.meta.url);
  } catch {
    return undefined;
  }
  const script = here.replace(/[^/\\]+$/, here.endsWith(".cjs") ? "chart-worker.cjs" : "chart-worker.js");
  return script !== here && existsSync(script) ? script : undefined;
}

/** The worker script in use: the built one, unless {@link useChartWorkerScript} named another. */
let workerScript: () => string | undefined = builtWorkerScript;

/**
 * Draw the charts with the worker script at `path` (undefined: on the calling thread), instead of the one
 * beside the bundle. For tests run from sources, which have no built script beside them.
 * @example useChartWorkerScript(fileURLToPath(new URL("../../dist/chart-worker.js", import.meta.url)))
 */
export function useChartWorkerScript(path: string | undefined): void {
  workerScript = () => path;
}

/** A worker started ahead of time by {@link prewarmChartWorker}, not yet used. */
let prewarmed: Worker | undefined;

/** The funnel section drawn ahead of time by {@link drawFunnelEarly}, with the trace it was drawn from. */
let early: { drawing: ChartDrawing; funnel: readonly TraceEntry[]; html: Promise<string> } | undefined;

function startWorker(): Worker | undefined {
  const script = workerScript();
  if (script === undefined) return undefined;
  try {
    const worker = new Worker(script);
    worker.unref(); // never keeps the process alive
    worker.on("error", () => undefined); // its failure surfaces as the request's failure (then drawn here)
    return worker;
  } catch {
    return undefined;
  }
}

/** The prewarmed worker, or a new one (undefined: draw on this thread). */
function takeWorker(): Worker | undefined {
  const worker = prewarmed ?? startWorker();
  prewarmed = undefined;
  return worker;
}

/**
 * Start the chart worker now, so it imports vega while the job trains (a no-op from sources, or when one is
 * started already). The next {@link drawFunnelEarly} or {@link renderCharts} uses it.
 */
export function prewarmChartWorker(): void {
  if (early === undefined) prewarmed ??= startWorker();
}

/**
 * Start drawing the funnel section of the next report now, in the chart worker, from the pipe's whole trace
 * (known once the model is trained): the next {@link renderCharts} whose funnel holds the same entries uses it
 * and draws only the other two sections. A no-op where the charts are drawn on this thread.
 * @example drawFunnelEarly([...transformTrace, ...trainTrace])
 */
export function drawFunnelEarly(funnel: readonly TraceEntry[]): void {
  early?.drawing.close();
  early = undefined;
  const worker = takeWorker();
  if (worker === undefined) return;
  const drawing = new ChartDrawing(worker);
  early = { drawing, funnel: [...funnel], html: drawing.ask({ section: "funnel", funnel }) };
}

/** Whether two traces hold the same entries (the same objects) in the same order. */
function sameEntries(a: readonly TraceEntry[], b: readonly TraceEntry[]): boolean {
  return a.length === b.length && a.every((entry, i) => entry === b[i]);
}

/** The sections of `input` drawn by `drawing`, the funnel's taken from `funnel` when it was drawn already. */
async function drawSections(
  drawing: ChartDrawing,
  input: ReportChartInput,
  options: RenderReportOptions,
  funnel: Promise<string> | undefined,
): Promise<ReportChartSections> {
  const [funnelRequest, importances, predictions] = chartSectionRequests(input);
  const asked = {
    funnel: funnel ?? drawing.ask(funnelRequest, options),
    importances: drawing.ask(importances, options),
    predictions: drawing.ask(predictions, options),
  };
  return {
    funnel: await asked.funnel,
    importances: await asked.importances,
    predictions: await asked.predictions,
  };
}

/**
 * Draw the report's chart sections, in the chart worker when there is one (the one {@link drawFunnelEarly}
 * started when its funnel is this one, the prewarmed one, or a new one), else on this thread. Await it after
 * starting the other work: the worker draws meanwhile. An error of vega itself comes out as it would on this
 * thread: the charts are drawn here again when the worker fails.
 * @example const charts = renderCharts(input); await writeOtherFiles(); assembleReport(input, await charts)
 */
export async function renderCharts(
  input: ReportChartInput,
  options: RenderReportOptions = {},
): Promise<ReportChartSections> {
  const ahead = early !== undefined && sameEntries(early.funnel, input.funnel) ? early : undefined;
  if (ahead === undefined) early?.drawing.close();
  early = undefined;
  const worker = ahead === undefined ? takeWorker() : undefined;
  const drawing = ahead?.drawing ?? (worker === undefined ? undefined : new ChartDrawing(worker));
  if (drawing === undefined) return renderChartSections(input, options);
  try {
    return await drawSections(drawing, input, options, ahead?.html);
  } catch {
    return renderChartSections(input, options);
  } finally {
    drawing.close();
  }
}
