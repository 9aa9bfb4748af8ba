/**
 * Where the report's charts are drawn: in a worker thread when the package is built (the script
 * `chart-worker.js` beside this bundle), so the job writes its other outputs meanwhile on a second core; on
 * the calling thread otherwise (from sources, in tests) or when the worker cannot be used. Same HTML either way.
 */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { ChartReply, ChartRequest } from "./chart-worker";
import { type ReportChartInput, type ReportChartSections, renderChartSections } from "./render-report";
import type { RenderReportOptions } from "./types";

/** The built worker script beside this module (`chart-worker.js` or `.cjs`), or undefined (e.g. from sources). */
function workerScript(): string | undefined {
  let here: string;
  try {
    here = fileURLToPath(import.meta.url);
  } catch {
    return undefined;
  }
  const script = here.replace(/[^/\\]+$/, here.endsWith(".cjs") ? "chart-worker.cjs" : "chart-worker.js");
  return script !== here && existsSync(script) ? script : undefined;
}

/** A worker started ahead of time by {@link prewarmChartWorker}, not yet used. */
let prewarmed: Worker | undefined;

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

/**
 * Start the chart worker now, so it imports vega while the job trains (a no-op from sources, or when one is
 * started already). The next {@link renderCharts} uses it.
 */
export function prewarmChartWorker(): void {
  prewarmed ??= startWorker();
}

/** Draw the charts in `worker`; rejects when the worker fails or cannot take the request. */
function renderInWorker(worker: Worker, request: ChartRequest): Promise<ReportChartSections> {
  return new Promise<ReportChartSections>((resolve, reject) => {
    worker.once("message", (reply: ChartReply) => {
      if (reply.ok) resolve(reply.sections);
      else reject(new Error(reply.message));
    });
    worker.once("error", reject);
    worker.once("exit", (code) => reject(new Error(`the chart worker exited (code ${code})`)));
    worker.postMessage(request); // throws (DataCloneError) when the input cannot be sent
  });
}

/**
 * Draw the report's chart sections, in the chart worker when there is one (started now unless prewarmed),
 * else on this thread. Await it after starting the other work: the worker draws meanwhile. An error of vega
 * itself comes out as it would on this thread: the charts are drawn here again when the worker fails.
 * @example const charts = renderCharts(input); await writeOtherFiles(); assembleReport(input, await charts)
 */
export async function renderCharts(
  input: ReportChartInput,
  options: RenderReportOptions = {},
): Promise<ReportChartSections> {
  const worker = prewarmed ?? startWorker();
  prewarmed = undefined;
  if (worker === undefined) return renderChartSections(input, options);
  try {
    return await renderInWorker(worker, { input, options });
  } catch {
    return renderChartSections(input, options);
  } finally {
    void worker.terminate();
  }
}
