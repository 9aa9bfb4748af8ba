import type { CastType, MeasureNode, SqlStepContext } from "@tablepipe/core";
import { stringsParam } from "../param-values";
import type { RenderedStep, StepKnowledge } from "../step-rendering";
import { exprsCastChecks } from "./cast-checks";
import { castWhere } from "./guarded-select";
import { measureAccepted, measureType } from "./measure-sql";

/** What the rendering of a step of measures by keys reads from its params, and the `WHERE` checking its casts. */
export interface GroupedMeasures {
  /** The `by` keys, each once. */
  readonly by: string[];
  readonly measures: Readonly<Record<string, MeasureNode>>;
  /** Each measure's type where plain (`measureType`). */
  readonly measureTypes: Readonly<Record<string, CastType | undefined>>;
  /** The `WHERE` (or nothing) that checks, on every row, the measures' casts that can fail. */
  readonly where: string;
  readonly probe: Pick<RenderedStep, "failureProbe">;
}

/**
 * The keys and measures of `aggregate` or `addGroupMeasures` (`step`), with the `WHERE` that checks their casts
 * (the error naming `step: measure "m"` and the row, as in process); undefined when the in-process step must run
 * and name the error: a measure named like a key, a measure it refuses on the known types (`sum` of strings), or
 * a cast it reads in process.
 */
export function groupedMeasures(
  step: string,
  params: Readonly<Record<string, unknown>>,
  c: SqlStepContext,
  known: StepKnowledge,
): GroupedMeasures | undefined {
  const by = [...new Set(stringsParam(params, "by"))];
  const measures = params.measures as Readonly<Record<string, MeasureNode>>;
  if (by.some((name) => Object.hasOwn(measures, name))) return undefined;
  if (Object.values(measures).some((m) => !measureAccepted(m, known.types))) return undefined;
  const checks = exprsCastChecks(
    c,
    Object.entries(measures).map(([name, m]) => [`${step}: measure "${name}"`, m.of] as const),
    known.types,
  );
  if (checks === undefined) return undefined;
  const measureTypes = Object.fromEntries(
    Object.entries(measures).map(([name, m]) => [name, measureType(m, known.types)]),
  );
  return { by, measures, measureTypes, ...castWhere(c, checks) };
}
