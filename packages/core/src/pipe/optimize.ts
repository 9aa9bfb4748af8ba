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

/**
 * True when every column `step` adds is of a type without a `-0`: not `float`, and known. A dedupe on every
 * column gives each float zero as `0`; moved after a derive, it would clear a `-0` the derive made of a `0`
 * (`neg`), which the plan as written keeps.
 */
function addsNoFloat(step: PlannedStep): boolean {
  return step.contract.adds.every((column) => {
    const type = (step.schemaOut?.[column] ?? step.contract.addTypes?.[column])?.type;
    return type !== undefined && type !== "float" && type !== "unknown";
  });
}

/** True when the planner may run a dedupe on every column after `step` (see {@link optimizePlan}). */
function commutesWithDedupe(step: PlannedStep, columnsIn: readonly string[]): boolean {
  return step.transform.rowLocal && keepsEveryColumn(step, columnsIn) && addsNoFloat(step);
}

/** True when `step` is a dedupe on every column (see `TransformRuntime.dropsDuplicateRows`). */
function dropsDuplicateRows(step: PlannedStep): boolean {
  return step.children.length === 0 && step.transform.dropsDuplicateRows(step.resolved);
}

/**
 * The plan as it will run: composites flattened into their primitive steps, and each dedupe on every
 * column moved after the row-local steps that directly follow it (filters, and derives that keep every column
 * and add none of type `float`), so it hashes only the rows that survive them. The result is the same table,
 * row for row and in the same order, the signs of zeros included: a row-local step treats `-0` and `0` alike
 * (see `TransformDefinition.rowLocal`), so a filter keeps or drops all copies of a row alike, and the first copy
 * kept is the first copy overall; a derive gives equal rows equal new columns and leaves unequal rows unequal,
 * and the new columns, holding no float, hold no `-0` for the moved dedupe to clear.
 * (`transforms/src/commute.test.ts` checks this property on generated tables.)
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
      if (next === undefined || !commutesWithDedupe(next, columnsBefore(at))) break;
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
