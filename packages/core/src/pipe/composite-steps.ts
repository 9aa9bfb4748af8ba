import type { StepSpec } from "../transform/runtime";
import { describeGiven } from "./given-value";

/** How a composite's steps are written, for the errors of a JavaScript caller who wrote something else. */
const HOW =
  "steps is a list of steps, or a function of the composite's params that returns one: " +
  "(params) => [step(dropDuplicates), step(limitHistory, { after: params.after })]";

function isStepSpec(value: unknown): value is StepSpec {
  if (typeof value !== "object" || value === null) return false;
  // a transform is a function with its runtime's fields
  const transform: unknown = (value as { transform?: unknown }).transform;
  if ((typeof transform !== "object" && typeof transform !== "function") || transform === null) return false;
  return typeof (transform as { transformName?: unknown }).transformName === "string";
}

/**
 * The composite `name`'s steps, checked: a list whose every item is a step (`step(transform, params)`), else a
 * TypeError naming the composite, the item and how steps are written (TypeScript refuses the rest at compile time).
 */
export function checkedSteps(name: string, steps: unknown): readonly StepSpec[] {
  if (!Array.isArray(steps)) {
    throw new TypeError(`${name}: expected a list of steps, got ${describeGiven(steps)}; ${HOW}`);
  }
  const bad = steps.findIndex((item) => !isStepSpec(item));
  if (bad >= 0) {
    const item: unknown = steps[bad];
    const what =
      typeof item === "function" ? "a transform (wrap it: step(transform, params))" : describeGiven(item);
    throw new TypeError(`${name}: step ${bad + 1} of its steps is not a step: got ${what}; ${HOW}`);
  }
  return steps;
}

/**
 * The steps a composite's `steps` function gives for its params, checked; a TypeError it throws (as
 * `(p) => p.transform(...)`, which takes the params for a pipe) is rethrown naming the composite and how steps
 * are written, with the original as its cause.
 */
export function stepsOfFunction(
  name: string,
  steps: (params: never) => unknown,
  params: unknown,
): readonly StepSpec[] {
  let value: unknown;
  try {
    value = (steps as (params: unknown) => unknown)(params);
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
    throw new TypeError(
      `${name}: its steps function failed (${error.message}); it is given the composite's params, not a pipe: ${HOW}`,
      { cause: error },
    );
  }
  return checkedSteps(name, value);
}
