/**
 * The worker thread that draws the report's charts (`renderChartSections`) while the job's main thread
 * writes its other outputs. It starts importing vega as soon as it starts, so a worker started early (see
 * `prewarmChartWorker`) has vega loaded by the time the charts are asked for.
 */
import { parentPort } from "node:worker_threads";
import { type ReportChartInput, renderChartSections } from "./render-report";
import type { RenderReportOptions } from "./types";

/** What the main thread sends: the charts' data and the report's options. */
export interface ChartRequest {
  readonly input: ReportChartInput;
  readonly options: RenderReportOptions;
}

/** What the worker answers: the sections, or the message of the error drawing them. */
export type ChartReply =
  | { readonly ok: true; readonly sections: Awaited<ReturnType<typeof renderChartSections>> }
  | { readonly ok: false; readonly message: string };

// vega takes a few hundred milliseconds to import: begin now, while the main thread still trains
void Promise.all([import("vega"), import("vega-lite")]).catch(() => undefined);

parentPort?.on("message", (request: ChartRequest) => {
  renderChartSections(request.input, request.options).then(
    (sections) => parentPort?.postMessage({ ok: true, sections } satisfies ChartReply),
    (error: unknown) =>
      parentPort?.postMessage({
        ok: false,
        message: error instanceof Error ? error.message : String(error),
      } satisfies ChartReply),
  );
});
