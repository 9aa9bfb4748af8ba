/**
 * The chart sections of one report being drawn in a chart worker (`chart-worker`): each section is asked for
 * as soon as its input is known, and the worker answers them in the order they were asked.
 */
import type { Worker } from "node:worker_threads";
import type { ChartReply, ChartRequest } from "./chart-worker";
import type { ChartSectionRequest } from "./render-report";
import type { RenderReportOptions } from "./types";

/** A section asked for and not yet answered. */
interface Waiting {
  readonly section: ChartSectionRequest["section"];
  readonly resolve: (html: string) => void;
  readonly reject: (error: Error) => void;
}

/**
 * One chart worker's drawing: {@link ChartDrawing.ask} posts a section and gives its HTML when the worker
 * answers; a failure of the worker rejects every section it has not answered (and any asked later).
 * @example const funnel = new ChartDrawing(worker).ask({ section: "funnel", funnel: trace })
 */
export class ChartDrawing {
  readonly #worker: Worker;
  readonly #waiting: Waiting[] = [];
  #failure: Error | undefined;

  constructor(worker: Worker) {
    this.#worker = worker;
    worker.on("message", (reply: ChartReply) => {
      const next = this.#waiting.shift();
      if (next === undefined) return;
      if (!reply.ok) next.reject(new Error(reply.message));
      else if (reply.section !== next.section)
        next.reject(new Error(`the chart worker answered ${reply.section} for ${next.section}`));
      else next.resolve(reply.html);
    });
    worker.on("error", (error) => this.#fail(error));
    worker.on("exit", (code) => this.#fail(new Error(`the chart worker exited (code ${code})`)));
  }

  /** The HTML of `request`'s section, drawn in the worker after the sections asked before it. */
  ask(request: ChartSectionRequest, options: RenderReportOptions = {}): Promise<string> {
    if (this.#failure !== undefined) return Promise.reject(this.#failure);
    const html = new Promise<string>((resolve, reject) => {
      this.#waiting.push({ section: request.section, resolve, reject });
    });
    html.catch(() => undefined); // a failure is thrown where the section is awaited
    try {
      this.#worker.postMessage({ request, options } satisfies ChartRequest);
    } catch (error) {
      // the request cannot be sent (DataCloneError): the worker never sees it
      this.#waiting.pop()?.reject(error as Error);
    }
    return html;
  }

  /** Stop the worker; sections not answered yet are rejected. */
  close(): void {
    this.#fail(new Error("the chart drawing was closed"));
    void this.#worker.terminate();
  }

  #fail(error: Error): void {
    this.#failure ??= error;
    for (const waiting of this.#waiting.splice(0)) waiting.reject(error);
  }
}
