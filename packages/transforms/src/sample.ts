import { defineTransform } from "@tablepipe/core";
import { markBuiltIn } from "@tablepipe/core/internal";
import type { ColumnTable } from "arquero";
import * as z from "zod";
import { rowDraws } from "./internal/row-draws";
import { keepPositions, visibleRows } from "./internal/rows";

/** 2^32: the draws are whole numbers below it. */
const DRAWS = 2 ** 32;

/** The positions of the `n` rows with the smallest draws (every draw differs), in input order. */
function smallestDraws(draws: Uint32Array, n: number): Uint32Array {
  if (n >= draws.length) return Uint32Array.from(draws.keys());
  const byDraw = Uint32Array.from(draws.keys()).sort((a, b) => draws[a]! - draws[b]!);
  return byDraw.subarray(0, n).sort();
}

/** The positions whose draw falls below `fraction` of the draws' range, in input order. */
function drawsBelow(draws: Uint32Array, fraction: number): Uint32Array {
  const limit = fraction * DRAWS;
  const kept = new Uint32Array(draws.length);
  let count = 0;
  for (let p = 0; p < draws.length; ++p) if (draws[p]! < limit) kept[count++] = p;
  return kept.slice(0, count);
}

/**
 * Keep a seeded random sample of the rows, in their input order: each row with probability `fraction`
 * (a Bernoulli sample: about `fraction` of the rows), or exactly `n` rows (all of them when there are fewer),
 * every set of `n` rows as likely as another. The same seed, input rows and params give the same rows on every
 * run and machine: each row position draws a number from a hash of the seed and the position, never from
 * `Math.random`. A row's draw depends on its position, so the sample changes when earlier rows are added or
 * removed.
 *
 * Params: exactly one of `fraction` (above 0, at most 1) and `n` (a whole number, 0 or more); `seed` (a safe
 * integer, default 42).
 *
 * @example sample(trips, { fraction: 0.01, seed: 7 }) // about 1% of the trips
 * @example sample(trips, { n: 1000 }) // 1,000 trips
 */
export const sample = defineTransform({
  name: "sample",
  description: "Keep a seeded random sample of the rows: a fraction of them, or exactly n.",
  params: z
    .object({
      fraction: z
        .number()
        .gt(0, "expected a fraction above 0 and at most 1")
        .lte(1, "expected a fraction above 0 and at most 1")
        .optional()
        .describe("Each row's probability of being kept."),
      n: z
        .int()
        .min(0, "expected a whole number of rows, 0 or more")
        .optional()
        .describe("How many rows to keep."),
      seed: z.int().default(42).describe("The seed of the draws: the same seed, the same sample."),
    })
    .superRefine(({ fraction, n }, ctx) => {
      if ((fraction === undefined) !== (n === undefined)) return;
      ctx.addIssue({
        code: "custom",
        path: fraction === undefined ? [] : ["n"],
        message: `expected exactly one of "fraction" and "n", got ${fraction === undefined ? "neither" : "both"}`,
      });
    }),
  apply: (table, { fraction, n, seed }): ColumnTable => {
    const rows = visibleRows(table);
    const draws = rowDraws(rows.length, seed);
    const positions = n !== undefined ? smallestDraws(draws, n) : drawsBelow(draws, fraction as number);
    return keepPositions(table, rows, positions);
  },
});

markBuiltIn(sample);
