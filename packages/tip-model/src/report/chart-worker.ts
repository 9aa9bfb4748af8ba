/**
 * The worker thread that draws the report's chart sections (`renderChartSection`) while the job's main thread
 * trains and writes its other outputs. It starts importing vega as soon as it starts, so a worker started early
 * (see `prewarmChartWorker`) has vega loaded by the time the charts are asked for. It draws the sections one at
 * a time, in the order they are asked for, and answers each in that order.
 */
import { parentPort } from "node:worker_threads";
import { type ChartSectionRequest, renderChartSection } from "./render-report";
import type { RenderReportOptions } from "./types";

/** What the main thread sends: one section to draw, and the report's options. */
export interface ChartRequest {
  readonly request: ChartSectionRequest;
  readonly options: RenderReportOptions;
}

/** The worker's answer to each request, in order: the section's HTML, or the message of the error drawing it. */
export type ChartReply =
  | { readonly ok: true; readonly section: ChartSectionRequest["section"]; readonly html: string }
  | { readonly ok: false; readonly message: string };

// vega takes a few hundred milliseconds to import: begin now, while the main thread still trains
void Promise.all([import("vega"), import("vega-lite")]).catch(() => undefined);

/** The sections asked for so far, drawn one after another. */
let drawing: Promise<void> = Promise.resolve();

parentPort?.on("message", ({ request, options }: ChartRequest) => {
  drawing = drawing.then(() =>
    renderChartSection(request, options).then(
      (html) => parentPort?.postMessage({ ok: true, section: request.section, html } satisfies ChartReply),
      (error: unknown) =>
        parentPort?.postMessage({
          ok: false,
          message: error instanceof Error ? error.message : String(error),
        } satisfies ChartReply),
    ),
  );
});
