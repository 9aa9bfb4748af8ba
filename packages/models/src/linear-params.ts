import * as z from "zod";
import { parseParams } from "./params";

/** The linear regression's model name, in its JSON and its error messages. */
export const LINEAR_REGRESSION = "linearRegression";

/** Ordinary least squares params. */
export interface LinearRegressionParams {
  /** Fit an intercept (default true, as Spark's fitIntercept). */
  fitIntercept: boolean;
}

const schema = z.strictObject({
  fitIntercept: z.boolean().default(true).describe("a boolean"),
});

/** Validates linear regression params and fills defaults; throws a ModelError naming a bad param. */
export function linearRegressionParams(params?: Partial<LinearRegressionParams>): LinearRegressionParams {
  return parseParams(LINEAR_REGRESSION, schema, params);
}
