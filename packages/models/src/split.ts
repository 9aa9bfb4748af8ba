import type { ColumnTable } from "arquero";
import { gatherRows } from "./gather-rows";
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
  // the backing rows the table shows, in the order it shows them: row i below is the i-th visible row
  const visible = table.indices(true);
  const rows = visible.length;
  const inTest = new Uint8Array(rows);
  let tests = 0;
  for (let i = 0; i < rows; ++i) {
    if (random.nextFloat() < testFraction) {
      inTest[i] = 1;
      tests++;
    }
  }
  const test = new Uint32Array(tests);
  const training = new Uint32Array(rows - tests);
  for (let i = 0, t = 0, r = 0; i < rows; ++i) {
    if (inTest[i] === 1) test[t++] = visible[i] as number;
    else training[r++] = visible[i] as number;
  }
  return { training: gatherRows(table, training), test: gatherRows(table, test) };
}
