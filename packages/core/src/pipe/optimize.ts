import type { PlannedStep } from "./plan";

/** The primitive steps of a plan, composites expanded in place, in the order they run. */
export function flattenPlan(steps: readonly PlannedStep[]): PlannedStep[] {
  return steps.flatMap((step) => (step.children.length > 0 ? flattenPlan(step.children) : [step]));
}

/** True when `step` keeps every column it is given: removes none, and adds only columns not there before. */
function keepsEveryColumn(step: PlannedStep, columnsIn: readonly string[]): boolean {
  if (step.contract.removes.length > 0 || step.contract.keepsOnly !== undefined) return false;
  const present = new Set(columnsIn);
  return step.contract.adds.every((column) => !present.has(column));
}

/** True when `step` is a dedupe on every column (see `TransformRuntime.dropsDuplicateRows`). */
function dropsDuplicateRows(step: PlannedStep): boolean {
  return step.children.length === 0 && step.transform.dropsDuplicateRows(step.resolved);
}

/**
 * The plan as it will run: composites flattened into their primitive steps, and each dedupe on every
 * column moved after the row-local steps that directly follow it (filters and derives that keep every
 * column), so it hashes only the rows that survive them. The result is the same table, row for row and in
 * the same order: a row-local filter keeps or drops all copies of a row alike, so the first copy kept is
 * the first copy overall; a row-local derive gives equal rows equal new columns and leaves unequal rows
 * unequal. (`transforms/src/commute.test.ts` checks this property on generated tables.)
 *
 * @param columns the source's columns (the columns before the first step).
 */
export function optimizePlan(columns: readonly string[], steps: readonly PlannedStep[]): PlannedStep[] {
  const flat = flattenPlan(steps);
  const columnsBefore = (index: number): readonly string[] =>
    index === 0 ? columns : (flat[index - 1] as PlannedStep).columnsOut;
  for (let i = flat.length - 1; i >= 0; i--) {
    const dedupe = flat[i] as PlannedStep;
    if (!dropsDuplicateRows(dedupe)) continue;
    let at = i;
    for (;;) {
      const next = flat[at + 1];
      if (next === undefined || !next.transform.rowLocal || !keepsEveryColumn(next, columnsBefore(at))) break;
      // swap: `next` now runs on the columns the dedupe was given (a dedupe adds and removes none)
      flat[at] = next;
      flat[at + 1] = {
        ...dedupe,
        columnsOut: next.columnsOut,
        ...(next.schemaOut === undefined ? {} : { schemaOut: next.schemaOut, schemaIn: next.schemaOut }),
      };
      at++;
    }
  }
  return flat;
}

/** The index of the first step that is not row-local: the steps before it can run chunk by chunk. */
export function rowLocalPrefixLength(steps: readonly PlannedStep[]): number {
  const index = steps.findIndex((step) => step.children.length > 0 || !step.transform.rowLocal);
  return index < 0 ? steps.length : index;
}
