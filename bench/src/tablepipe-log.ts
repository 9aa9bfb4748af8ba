/**
 * Per-stage seconds of a `tip-model run --log-format json` from its log lines: each stage's
 * `<stage>: done in 1.23 s` line, and the pipe funnel lines (`  dropDuplicates  1,000 → 990  (-1.0%)  12 ms`).
 */

/** One step of the funnel: its label, depth in the composite tree, rows in and out, and seconds. */
export interface FunnelStep {
  step: string;
  depth: number;
  rowsIn: number;
  rowsOut: number;
  seconds: number;
}

/** What a tablepipe run's log says about where its time went. */
export interface TablepipeStages {
  /** Seconds per job stage (`extract`, `transform`, `train`, `validate`, `load`), in log order. */
  stages: Record<string, number>;
  /** The transform stage's funnel, depth-first. */
  funnel: FunnelStep[];
  /** Rows of the prepared table (from the transform stage's `done` line). */
  preparedRows: number | undefined;
}

const integer = (text: string): number => Number(text.replaceAll(",", ""));
const STAGE_DONE = /^(\w+): done in ([\d.,]+) (s|ms)\b/;
const FUNNEL = /^( *)(\S.*?) {2,}([\d,]+) → +([\d,]+) +\([^)]*\) +([\d,]+) ms$/;

/** The log message of a JSON log line, or undefined for any other line. */
function messageOf(line: string): string | undefined {
  if (!line.startsWith("{")) return undefined;
  try {
    const parsed = JSON.parse(line) as { msg?: unknown };
    return typeof parsed.msg === "string" ? parsed.msg : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Parse the JSON log lines of one `tip-model run`. Only the first funnel (the transform stage's) is kept;
 * the train stage's `dropMissing` funnel is part of the `train` stage.
 */
export function parseTablepipeLog(stderr: string): TablepipeStages {
  const stages: Record<string, number> = {};
  const funnel: FunnelStep[] = [];
  let inTransform = false;
  let preparedRows: number | undefined;
  for (const line of stderr.split("\n")) {
    const msg = messageOf(line);
    if (msg === undefined) continue;
    if (msg === "transform: started") inTransform = true;
    const done = STAGE_DONE.exec(msg);
    if (done) {
      const value = Number((done[2] as string).replaceAll(",", ""));
      stages[done[1] as string] = done[3] === "s" ? value : value / 1000;
      if (done[1] === "transform") {
        inTransform = false;
        const prepared = /prepared_data ([\d,]+) rows/.exec(msg);
        if (prepared) preparedRows = integer(prepared[1] as string);
      }
      continue;
    }
    const step = inTransform ? FUNNEL.exec(msg) : null;
    if (step) {
      funnel.push({
        step: (step[2] as string).trim(),
        depth: (step[1] as string).length / 2,
        rowsIn: integer(step[3] as string),
        rowsOut: integer(step[4] as string),
        seconds: integer(step[5] as string) / 1000,
      });
    }
  }
  return { stages, funnel, preparedRows };
}
