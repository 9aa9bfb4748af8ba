/**
 * Synthetic regression data for the fit benchmark, which measures fitting speed only: numeric features of
 * the shapes tables usually have (skewed amounts, uniform values, small integer codes, rare flags) and a
 * label that depends on a few of them, with noise.
 */
import type { ColumnTable } from "arquero";
import { table } from "arquero";
import { SeededRandom } from "../src/seeded-random";

/** How the values of one feature are drawn. */
type FeatureDraw = (rng: SeededRandom) => number;

const hundredths = (x: number): number => Math.round(x * 100) / 100;
const skewed: FeatureDraw = (rng) => hundredths(Math.exp(0.9 + 0.8 * rng.nextNormal()));
const uniform: FeatureDraw = (rng) => hundredths(100 * rng.nextFloat());
const code =
  (levels: number): FeatureDraw =>
  (rng) =>
    1 + rng.nextInt(levels);
const flag =
  (share: number): FeatureDraw =>
  (rng) =>
    rng.nextFloat() < share ? 1 : 0;

/** One draw per feature, in column order: the benchmark's 11 features. */
const FEATURE_DRAWS: readonly FeatureDraw[] = [
  code(6),
  skewed,
  code(5),
  flag(0.68),
  skewed,
  flag(0.05),
  flag(0.999),
  code(12),
  code(7),
  code(28),
  uniform,
];

/** The feature columns, `x01` to `x11`. */
export const FEATURES: readonly string[] = FEATURE_DRAWS.map((_, f) => `x${String(f + 1).padStart(2, "0")}`);

/** The label column. */
export const LABEL = "y";

/** `rows` seeded rows of the features and a label y = f(x02, x04, x05, x09) + noise. */
export function syntheticTable(rows: number, seed = 7): ColumnTable {
  const rng = new SeededRandom(seed);
  const columns = FEATURE_DRAWS.map(() => new Float64Array(rows));
  const label = new Float64Array(rows);
  const x = new Float64Array(FEATURE_DRAWS.length);
  for (let i = 0; i < rows; i++) {
    FEATURE_DRAWS.forEach((draw, f) => {
      const value = draw(rng);
      x[f] = value;
      (columns[f] as Float64Array)[i] = value;
    });
    // x02 (skewed) and x05 (skewed) matter only when the flag x04 is set; x09 adds a step.
    const signal = (x[3] as number) * (0.5 + 0.4 * (x[1] as number) + 0.1 * (x[4] as number));
    const y = Math.max(0, signal + ((x[8] as number) >= 6 ? 0.3 : 0) + 0.8 * rng.nextNormal());
    label[i] = hundredths(y);
  }
  return table({ ...Object.fromEntries(FEATURES.map((name, f) => [name, columns[f]])), [LABEL]: label });
}
