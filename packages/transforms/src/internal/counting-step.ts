import { defineTransform } from "@tablepipe/core";

/**
 * A step that passes its table on and counts its runs: placed before a step, `runs()` says whether the pipe got
 * as far as running anything (0: a check refused the pipe before any row was read).
 * @example const first = countingStep(); expect(() => pipe(t).transform(first.step).transform(join, p).check()).toThrow(); expect(first.runs()).toBe(0);
 */
export function countingStep() {
  let runs = 0;
  const step = defineTransform({
    name: "before",
    apply: (t) => {
      runs++;
      return t;
    },
  });
  return { step, runs: (): number => runs };
}
