import type { ColumnTable } from "arquero";
import * as z from "zod";
import type { FitSpec } from "./columns";
import { checkFitInput, readNumericColumn } from "./columns";
import { normalizeToOne } from "./importances";
import { leastSquares } from "./least-squares";
import { checkWeights, coefficientError, featureMean, featureSpread, interceptError } from "./linear-checks";
import type { LinearRegressionParams } from "./linear-params";
import { LINEAR_REGRESSION, linearRegressionParams } from "./linear-params";
import type { FittedModelInfo } from "./model-envelope";
import { createFittedModel, createRegressor, fittedInfo, readModelJson } from "./model-envelope";
import type { LinearRegressionJson } from "./model-json";
import { finiteNumber, modelJsonBaseSchema } from "./model-json-parsing";
import type { FittedRegressor, Regressor } from "./regressor";

/**
 * Ordinary least squares from the normal equations (ml-matrix's SVD inverse), on standardised features
 * (for conditioning; coefficients are reported on the original scale). A constant feature gets 0.
 * @example linearRegression().fit(trips, { features: ["trip_distance", "fare_amount"], label: "tip_amount" })
 */
export function linearRegression(
  params?: Partial<LinearRegressionParams>,
): Regressor<LinearRegressionParams> {
  return createRegressor(LINEAR_REGRESSION, linearRegressionParams(params), fitLinearRegression);
}

function fitLinearRegression(
  params: LinearRegressionParams,
  table: ColumnTable,
  spec: FitSpec,
): FittedRegressor<LinearRegressionParams> {
  const rows = checkFitInput(LINEAR_REGRESSION, table, spec);
  const F = spec.features.length;
  // one array per feature: each loop below is a tight pass over one column (row-major reads were ~3× slower)
  const x = spec.features.map((name) => readNumericColumn(table, LINEAR_REGRESSION, "feature", name));
  const y = readNumericColumn(table, LINEAR_REGRESSION, "label", spec.label);

  // Per-feature mean and population standard deviation (each summed in row order), checked to fit in doubles.
  const mean = new Float64Array(F);
  const std = new Float64Array(F);
  for (let f = 0; f < F; f++) mean[f] = featureMean(spec.features[f] as string, x[f] as Float64Array);
  for (let f = 0; f < F; f++)
    std[f] = featureSpread(spec.features[f] as string, x[f] as Float64Array, mean[f] as number);

  // Solve on z = (x - center) / scale: centred only with an intercept; a constant column becomes 0.
  const center = params.fitIntercept ? mean : new Float64Array(F);
  const scale = new Float64Array(F);
  for (let f = 0; f < F; f++) {
    scale[f] = params.fitIntercept
      ? (std[f] as number)
      : featureSpread(spec.features[f] as string, x[f] as Float64Array, 0);
  }
  const z: Float64Array[] = [];
  for (let f = 0; f < F; f++) {
    const values = x[f] as Float64Array;
    const column = new Float64Array(rows);
    const s = scale[f] as number;
    const c = center[f] as number;
    if (s > 0) for (let i = 0; i < rows; i++) column[i] = ((values[i] as number) - c) / s;
    z.push(column);
  }
  const weights = leastSquares(z, y, params.fitIntercept);
  checkWeights(spec.label, y, weights);

  const coefficients = new Float64Array(F);
  let intercept = params.fitIntercept ? (weights[F] ?? 0) : 0;
  for (let f = 0; f < F; f++) {
    const s = scale[f] as number;
    const beta = weights[f] ?? 0;
    const c = s > 0 ? beta / s : 0;
    if (!Number.isFinite(c))
      throw coefficientError(spec.features[f] as string, x[f] as Float64Array, beta, s);
    coefficients[f] = c;
    intercept -= c * (center[f] as number);
  }
  if (!Number.isFinite(intercept)) throw interceptError(spec.features, coefficients, center);
  // "+ 0" turns -0 into 0, which JSON cannot tell apart.
  intercept += 0;
  for (let f = 0; f < F; f++) coefficients[f] = (coefficients[f] as number) + 0;
  const importances = new Float64Array(F);
  for (let f = 0; f < F; f++) importances[f] = Math.abs((coefficients[f] as number) * (std[f] as number));
  normalizeToOne(importances);
  const info = fittedInfo(LINEAR_REGRESSION, params, spec, rows, importances);
  return linearModel(info, coefficients, intercept);
}

/** Prediction = intercept + Σ coefficients[f] × feature f. */
function linearModel(
  info: FittedModelInfo<LinearRegressionParams>,
  coefficients: Float64Array,
  intercept: number,
): FittedRegressor<LinearRegressionParams> {
  const F = info.features.length;
  return createFittedModel<LinearRegressionJson>(
    info,
    (x, rows) => {
      const out = new Float64Array(rows);
      for (let i = 0, base = 0; i < rows; i++, base += F) {
        let sum = intercept;
        for (let f = 0; f < F; f++) sum += (coefficients[f] as number) * (x[base + f] as number);
        out[i] = sum;
      }
      return out;
    },
    () => ({ coefficients: Array.from(coefficients), intercept }),
  );
}

const linearJsonSchema = modelJsonBaseSchema.extend({
  model: z.literal(LINEAR_REGRESSION),
  coefficients: z.array(finiteNumber),
  intercept: finiteNumber,
});

/** Rebuilds a fitted linear regression from its JSON (see loadModel). */
export function loadLinearRegression(json: unknown): FittedRegressor<LinearRegressionParams> {
  const { parsed, info } = readModelJson(LINEAR_REGRESSION, linearJsonSchema, json, linearRegressionParams, [
    "coefficients",
    "importances",
  ]);
  return linearModel(info, Float64Array.from(parsed.coefficients), parsed.intercept);
}
