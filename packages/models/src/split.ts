import type { ColumnTable } from "arquero";
import { ModelError } from "./params";
import { deriveSeed, SeededRandom } from "./seeded-random";

/** Options of {@link trainTestSplit}. */
export interface SplitOptions {
  /** Share of rows for the test set, in (0, 1). */
  testFraction: number;
  /** Seed of the row draws. Default 42. */
  seed?: number;
}

/** The two parts of a split, in the input's row order. */
export interface SplitTables<T extends ColumnTable = ColumnTable> {
  training: T;
  test: T;
}

/**
 * Split rows at random into training and test, seeded: row i goes to test when the i-th draw of the seeded
 * generator is below `testFraction` (like Spark's `randomSplit`, so the sizes vary around the fraction).
 * Same rows in the same order and the same seed give the same split on every run and machine.
 *
 * @example const { training, test } = trainTestSplit(prepared, { testFraction: 0.2, seed: 42 });
 */
export function trainTestSplit<T extends ColumnTable>(table: T, options: SplitOptions): SplitTables<T> {
  const { testFraction, seed = 42 } = options;
  if (!(testFraction > 0 && testFraction < 1)) {
    throw new ModelError(`trainTestSplit: testFraction must be > 0 and < 1, got ${testFraction}`);
  }
  if (!Number.isSafeInteger(seed))
    throw new ModelError(`trainTestSplit: seed must be an integer, got ${seed}`);
  const random = new SeededRandom(deriveSeed(seed, 0x5b11));
  // reify() materialises the visible rows in their visible order, so row i below is the i-th visible row.
  const base = table.reify();
  const rows = base.numRows();
  const test: number[] = [];
  const training: number[] = [];
  for (let i = 0; i < rows; ++i) (random.nextFloat() < testFraction ? test : training).push(i);
  return { training: base.reify(training) as T, test: base.reify(test) as T };
}
