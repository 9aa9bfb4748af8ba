import type { ColumnTable } from "arquero";
import type { BinnedFeatures } from "./binning";
import { binColumns } from "./binning";
import type { FitSpec } from "./columns";
import { checkFitSpec, copyNumericColumn, readNumericColumn } from "./columns";
import { ModelError } from "./params";
import { deriveSeed } from "./prng";

/** The stream of the seed used for choosing split thresholds (trees use streams 0, 1, 2, ...). */
const BINNING_STREAM = 0xb1_6b_1a_5e;

/** A table read and binned for training trees. */
export interface TreeTrainingData {
  readonly rows: number;
  readonly numFeatures: number;
  readonly label: Float64Array;
  readonly binned: BinnedFeatures;
}

/** Checks the spec, reads the label and the features (numeric, no missing values) and bins the features once. */
export function prepareTreeTraining(
  model: string,
  table: ColumnTable,
  spec: FitSpec,
  maxBins: number,
  seed: number,
): TreeTrainingData {
  checkFitSpec(model, spec);
  const rows = table.numRows();
  if (rows === 0) throw new ModelError(`${model}: cannot fit on a table with no rows`);
  // One column at a time: only the bin codes of all features are held.
  const binned = binColumns(
    rows,
    spec.features.length,
    maxBins,
    deriveSeed(seed, BINNING_STREAM),
    (f, into) => copyNumericColumn(table, model, "feature", spec.features[f] as string, into, 0, 1),
  );
  const label = readNumericColumn(table, model, "label", spec.label);
  return { rows, numFeatures: spec.features.length, label, binned };
}
