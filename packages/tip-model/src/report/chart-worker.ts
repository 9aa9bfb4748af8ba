/**
 * The worker thread that draws the report's chart sections (`renderChartSection`) while the job's main thread
 * trains and writes its other outputs. It starts importing vega as soon as it starts, so a worker started early
 * (see `prewarmChartWorker`) has vega loaded by the time the charts are asked for. It draws the sections one at
 * a time, in the order they are asked for, and answers each in that order.
 */
import { parentPort } from "node:worker_threads";
import {
  type ChartSectionRequest,
  type ReportChartInput,
  renderChartSection,
  renderChartSections,
} from "./render-report";
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

/**
 * A small chart input drawn once and thrown away as soon as vega is loaded: the first chart of each kind runs
 * vega's code cold, and this moves that cost off the critical path. A chart's bytes do not depend on the
 * charts drawn before it (the worker test compares them with the calling thread's).
 */
const WARM_UP: ReportChartInput = {
  funnel: [
    {
      step: "filter",
      transform: "filter",
      rowsIn: 100,
      rowsOut: 60,
      ms: 1,
      children: [{ step: "keep", transform: "keep", rowsIn: 100, rowsOut: 60, ms: 1, children: [] }],
    },
  ],
  importances: [
    { feature: "a", importance: 0.75 },
    { feature: "b", importance: 0.25 },
  ],
  predictions: {
    actual: Float64Array.from({ length: 200 }, (_, i) => (i % 17) / 2),
    predicted: Float64Array.from({ length: 200 }, (_, i) => (i % 13) / 2),
  },
};

/**
 * The sections asked for so far, drawn one after another, after vega is imported (it takes a few hundred
 * milliseconds: begun now, while the main thread still trains) and warmed up.
 */
let drawing: Promise<void> = Promise.all([import("vega"), import("vega-lite")])
  .then(() => renderChartSections(WARM_UP))
  .then(
    () => undefined,
    () => undefined,
  );

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
