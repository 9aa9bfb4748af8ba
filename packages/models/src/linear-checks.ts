/**
 * The sums of a linear regression, checked: a feature or label whose values doubles cannot sum or square,
 * and a solution that overflows on the original scale, fail with a ModelError naming the column and its
 * largest value instead of giving a coefficient of 0 or a model whose JSON holds null.
 */
import { columnScaleError } from "./column-scale";
import { LINEAR_REGRESSION } from "./linear-params";
import { ModelError } from "./params";

/** The mean of a feature column (summed in row order); throws when the sum overflows. */
export function featureMean(name: string, values: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i] as number;
  if (!Number.isFinite(sum)) {
    const problem = "has values too large to sum in doubles: their sum overflows";
    throw columnScaleError(LINEAR_REGRESSION, "feature", name, values, problem, "divide");
  }
  return sum / values.length;
}

/**
 * √(Σ (value − center)² / rows), summed in row order: the spread of a feature about its mean, or about 0
 * without an intercept. Throws when the squares overflow, or underflow to 0 in a column that is not constant
 * (it would get coefficient 0 as if it were).
 */
export function featureSpread(name: string, values: Float64Array, center: number): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) {
    const d = (values[i] as number) - center;
    sum += d * d;
  }
  const squares = center === 0 ? "squares" : "squared deviations from the mean";
  if (!Number.isFinite(sum)) {
    const problem = `has values too large to square in doubles: the sum of their ${squares} overflows`;
    throw columnScaleError(LINEAR_REGRESSION, "feature", name, values, problem, "divide");
  }
  if (sum === 0 && values.some((v) => v !== values[0])) {
    const problem = `has values too small to square in doubles: their ${squares} round to 0, as if it were constant`;
    throw columnScaleError(LINEAR_REGRESSION, "feature", name, values, problem, "multiply");
  }
  return Math.sqrt(sum / values.length);
}

/** Throws when a least-squares weight (on the standardised features) is not finite: the label's sums overflow. */
export function checkWeights(label: string, y: Float64Array, weights: readonly number[]): void {
  if (weights.every(Number.isFinite)) return;
  const problem = "has values too large for the least-squares sums in doubles: they overflow";
  throw columnScaleError(LINEAR_REGRESSION, "label", label, y, problem, "divide");
}

/**
 * The error for a feature whose coefficient, `weight / spread` (its weight on the standardised scale over its
 * spread), overflows: its values are too close together for the label's scale; suggests a factor to spread them by.
 */
export function coefficientError(
  name: string,
  values: Float64Array,
  weight: number,
  spread: number,
): ModelError {
  const excess = Math.ceil(Math.log10(Math.abs(weight)) - Math.log10(spread) - 307);
  const problem =
    `has values too close together for doubles: its coefficient overflows, the label changing by about ` +
    `${weight.toPrecision(2)} over ${spread.toPrecision(2)} of it`;
  return columnScaleError(
    LINEAR_REGRESSION,
    "feature",
    name,
    values,
    problem,
    "multiply",
    Number(`1e${Math.max(1, excess)}`),
  );
}

/** The error for an intercept (mean label − Σ coefficient × mean) that overflows, naming the largest term's feature. */
export function interceptError(
  features: readonly string[],
  coefficients: Float64Array,
  means: Float64Array,
): ModelError {
  const term = (f: number) => Math.abs((coefficients[f] as number) * (means[f] as number));
  let worst = 0;
  for (let f = 1; f < features.length; f++) if (term(f) > term(worst)) worst = f;
  return new ModelError(
    `${LINEAR_REGRESSION}: the intercept overflows doubles: feature column "${features[worst]}" has ` +
      `coefficient ${coefficients[worst]} and mean ${means[worst]}, whose product passes the largest double; ` +
      "center the column first (subtract its mean)",
  );
}
