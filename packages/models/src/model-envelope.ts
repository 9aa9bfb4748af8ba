/**
 * The envelope every model family shares, so that a family supplies only what is its own: how it fits,
 * how it predicts a feature matrix and which JSON fields it adds.
 * - `createRegressor`: validated params and a fit function → a frozen `Regressor`;
 * - `fittedInfo` / `readModelJson`: what every fitted model records, from a fit or from its JSON;
 * - `createFittedModel`: that record plus the family's parts → a frozen `FittedRegressor` (predict,
 *   withPredictions, featureImportances, and toJSON with the fields all model JSON has).
 */
import type { ColumnTable } from "arquero";
import type * as z from "zod";
import type { FitSpec } from "./columns";
import { readFeatureMatrix } from "./columns";
import type { ModelJson, ModelJsonBase } from "./model-json";
import { MODEL_FORMAT, MODEL_FORMAT_VERSION } from "./model-json";
import { parseJson } from "./model-json-parsing";
import { ModelError } from "./params";
import type { FeatureImportance, FittedRegressor, Regressor } from "./regressor";

/** Wraps validated params and the family's fit function in the frozen Regressor contract. */
export function createRegressor<P extends object>(
  name: string,
  params: Readonly<P>,
  fit: (params: Readonly<P>, table: ColumnTable, spec: FitSpec) => FittedRegressor<P>,
): Regressor<P> {
  return Object.freeze({
    name,
    params,
    fit: (table: ColumnTable, spec: FitSpec) => fit(params, table, spec),
  });
}

/** What every fitted model records besides what it learned. */
export interface FittedModelInfo<P extends object> {
  readonly name: string;
  readonly params: Readonly<P>;
  readonly features: readonly string[];
  readonly label: string;
  readonly trainingRows: number;
  /** Importance per feature, in feature order. */
  readonly importances: Float64Array;
}

/** The record of a fit of `spec` on `trainingRows` rows. */
export function fittedInfo<P extends object>(
  name: string,
  params: Readonly<P>,
  spec: FitSpec,
  trainingRows: number,
  importances: Float64Array,
): FittedModelInfo<P> {
  return { name, params, features: spec.features, label: spec.label, trainingRows, importances };
}

/** A family's own JSON fields (e.g. trees, coefficients), after the fields all model JSON has. */
export type ModelJsonFields<J extends ModelJson> = Omit<J, keyof ModelJsonBase | "model" | "params">;

/**
 * Wraps a fitted model in the FittedRegressor contract. `predictMatrix` predicts a row-major matrix of
 * `rows` rows of raw feature values; `jsonFields` returns fresh copies of the family's own JSON fields.
 */
export function createFittedModel<J extends ModelJson>(
  info: FittedModelInfo<J["params"]>,
  predictMatrix: (x: Float64Array, rows: number) => Float64Array,
  jsonFields: () => ModelJsonFields<J>,
): FittedRegressor<J["params"]> {
  const { name, params, label, trainingRows } = info;
  const features = Object.freeze([...info.features]);
  const importances = Float64Array.from(info.importances);
  const predict = (table: ColumnTable): Float64Array => {
    const x = readFeatureMatrix(table, `${name}.predict`, features);
    return predictMatrix(x, table.numRows());
  };
  return Object.freeze({
    name,
    params,
    features,
    label,
    trainingRows,
    predict,
    withPredictions(table: ColumnTable, column = "prediction"): ColumnTable {
      if (table.column(column) !== undefined) {
        throw new ModelError(`${name}.withPredictions: column "${column}" already exists; pick another name`);
      }
      return table.assign({ [column]: predict(table) });
    },
    featureImportances(): FeatureImportance[] {
      return features
        .map((feature, f) => ({ feature, importance: importances[f] as number, f }))
        .sort((a, b) => b.importance - a.importance || a.f - b.f)
        .map(({ feature, importance }) => ({ feature, importance }));
    },
    toJSON(): J {
      return {
        format: MODEL_FORMAT,
        version: MODEL_FORMAT_VERSION,
        model: name,
        params: { ...params },
        features: [...features],
        label,
        trainingRows,
        importances: Array.from(importances),
        ...jsonFields(),
      } as J;
    },
  });
}

/** The fields every model JSON has, as `readModelJson` needs them after parsing. */
type ParsedModelJson = Omit<ModelJsonBase, "format" | "version"> & { params: Record<string, unknown> };

/**
 * The common start of loading a family's JSON: checks it against `schema` (the fields all model JSON has
 * plus the family's), validates its params again, and checks that each `perFeature` array has one entry
 * per feature. Errors name `loadModel(<name>)`; `context` is that prefix, for the family's own checks.
 */
export function readModelJson<P extends object, S extends z.ZodType<ParsedModelJson>>(
  name: string,
  schema: S,
  json: unknown,
  validateParams: (params: Partial<P>) => P,
  perFeature: readonly (keyof z.output<S> & string)[],
): { context: string; parsed: z.output<S>; info: FittedModelInfo<P> } {
  const context = `loadModel(${name})`;
  const parsed = parseJson(context, schema, json);
  const params = validateParams(parsed.params as Partial<P>);
  const numFeatures = parsed.features.length;
  const fields = parsed as Record<string, unknown>;
  if (perFeature.some((field) => (fields[field] as readonly unknown[]).length !== numFeatures)) {
    throw new ModelError(`${context}: ${perFeature.join(" and ")} must have one entry per feature`);
  }
  const info = {
    name,
    params,
    features: parsed.features,
    label: parsed.label,
    trainingRows: parsed.trainingRows,
    importances: Float64Array.from(parsed.importances),
  };
  return { context, parsed, info };
}
