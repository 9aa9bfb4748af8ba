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
  type ChartSectionRequest,
  chartSectionRequests,
  type ReportChartInput,
  type ReportChartSections,
  renderChartSections,
} from "./render-report";
import type { RenderReportOptions, ReportImportance } from "./types";

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

/** A section asked for ahead of time, with the options it was asked with, and its HTML to come. */
interface AskedSection {
  readonly request: ChartSectionRequest;
  readonly options: RenderReportOptions;
  readonly html: Promise<string>;
}

/**
 * The sections of the next report drawn ahead of time ({@link drawFunnelEarly}, then {@link drawResultsEarly}),
 * in the order of `chartSectionRequests`, on one worker.
 */
let early: { drawing: ChartDrawing; asked: AskedSection[] } | undefined;

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
 * and draws only the other sections (or those {@link drawResultsEarly} did not draw). A no-op where the charts
 * are drawn on this thread.
 * @example drawFunnelEarly([...transformTrace, ...trainTrace])
 */
export function drawFunnelEarly(funnel: readonly TraceEntry[]): void {
  early?.drawing.close();
  early = undefined;
  const worker = takeWorker();
  if (worker === undefined) return;
  early = { drawing: new ChartDrawing(worker), asked: [] };
  ask(early, { section: "funnel", funnel: [...funnel] });
}

/**
 * Go on drawing ahead, after the funnel {@link drawFunnelEarly} asked for, the importances and the predictions
 * (known once the model is validated): the next {@link renderCharts} with equal importances and predictions,
 * and the default options, uses them. A no-op when no funnel is being drawn ahead (the sections must be asked
 * in their order: vega's counters make the bytes).
 * @example drawResultsEarly({ importances, predictions: { actual, predicted } })
 */
export function drawResultsEarly(input: Pick<ReportChartInput, "importances" | "predictions">): void {
  if (early === undefined || early.asked.length !== 1) return;
  ask(early, { section: "importances", importances: [...input.importances] });
  ask(early, { section: "predictions", predictions: input.predictions });
}

/** Ask the drawing ahead for `request`'s section, with the default options. */
function ask(ahead: NonNullable<typeof early>, request: ChartSectionRequest): void {
  ahead.asked.push({ request, options: {}, html: ahead.drawing.ask(request) });
}

/** Whether two lists hold equal values in the same order (`Object.is`). */
function sameValues<T>(a: ArrayLike<T>, b: ArrayLike<T>, same: (x: T, y: T) => boolean = Object.is): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!same(a[i] as T, b[i] as T)) return false;
  return true;
}

/**
 * Whether a section asked ahead draws what `request` with `options` draws: the funnel from the same trace
 * entries (the same objects), equal importances, equal predictions drawn with the same options.
 */
function drawsTheSame(
  asked: AskedSection,
  request: ChartSectionRequest,
  options: RenderReportOptions,
): boolean {
  const a = asked.request;
  if (a.section === "funnel" && request.section === "funnel") return sameValues(a.funnel, request.funnel);
  if (a.section === "importances" && request.section === "importances") {
    const same = (x: ReportImportance, y: ReportImportance) =>
      x.feature === y.feature && Object.is(x.importance, y.importance);
    return sameValues(a.importances, request.importances, same);
  }
  if (a.section === "predictions" && request.section === "predictions") {
    return (
      asked.options.maxPoints === options.maxPoints &&
      asked.options.residualBins === options.residualBins &&
      sameValues(a.predictions.actual, request.predictions.actual) &&
      sameValues(a.predictions.predicted, request.predictions.predicted)
    );
  }
  return false;
}

/**
 * The sections of `input` drawn by `drawing`: the first ones from `ahead` (asked ahead of time, drawing the
 * same), the others asked now, in order.
 */
async function drawSections(
  drawing: ChartDrawing,
  input: ReportChartInput,
  options: RenderReportOptions,
  ahead: readonly AskedSection[],
): Promise<ReportChartSections> {
  const html = chartSectionRequests(input).map(
    (request, i) => ahead[i]?.html ?? drawing.ask(request, options),
  ) as [Promise<string>, Promise<string>, Promise<string>];
  return { funnel: await html[0], importances: await html[1], predictions: await html[2] };
}

/**
 * Draw the report's chart sections, in the chart worker when there is one (the one {@link drawFunnelEarly}
 * started, when what it drew ahead draws the same; the prewarmed one; or a new one), else on this thread. Await
 * it after starting the other work: the worker draws meanwhile. An error of vega itself comes out as it would on
 * this thread: the charts are drawn here again when the worker fails.
 * @example const charts = renderCharts(input); await writeOtherFiles(); assembleReport(input, await charts)
 */
export async function renderCharts(
  input: ReportChartInput,
  options: RenderReportOptions = {},
): Promise<ReportChartSections> {
  const requests = chartSectionRequests(input);
  const before = early;
  early = undefined;
  // what was drawn ahead is used when every section it asked draws the same (else the worker drew other charts
  // between, and vega's counters differ): then only the sections after them are asked
  const reusable = (asked: AskedSection, i: number) =>
    drawsTheSame(asked, requests[i] as ChartSectionRequest, options);
  const ahead = before?.asked.every(reusable) ? before : undefined;
  if (ahead === undefined) before?.drawing.close();
  const worker = ahead === undefined ? takeWorker() : undefined;
  const drawing = ahead?.drawing ?? (worker === undefined ? undefined : new ChartDrawing(worker));
  if (drawing === undefined) return renderChartSections(input, options);
  try {
    return await drawSections(drawing, input, options, ahead?.asked ?? []);
  } catch {
    return renderChartSections(input, options);
  } finally {
    drawing.close();
  }
}
