/**
 * Training the trees of an ensemble (random forest, gradient-boosted trees): the table is read and
 * binned once, then each tree is grown on its own seeded stream from drawn row weights.
 */
import type { ColumnTable } from "arquero";
import type { BinnedFeatures } from "./binning";
import { binColumns } from "./binning";
import type { FitSpec } from "./columns";
import { checkFitInput, copyNumericColumn, readNumericColumn } from "./columns";
import { featuresPerNode } from "./feature-subset";
import { ensembleImportances, treeFeatureGains } from "./importances";
import type { FeatureSubset } from "./params";
import { drawSampleWeights } from "./sampling";
import { deriveSeed, SeededRandom } from "./seeded-random";
import type { GrownTree, RegressionTree } from "./tree";
import type { TreeGrowthOptions } from "./tree-builder";
import { createTreeWorkspace, growTree, targetShift } from "./tree-builder";
import { checkTreeTarget } from "./tree-target-check";

/** The stream of the seed used for choosing split thresholds (trees use streams 0, 1, 2, ...). */
const BINNING_STREAM = 0xb1_6b_1a_5e;

/** A table read and binned for training trees. */
export interface TreeTrainingData {
  readonly rows: number;
  readonly numFeatures: number;
  readonly label: Float64Array;
  readonly binned: BinnedFeatures;
}

/** The params every tree ensemble has. */
export interface TreeEnsembleParams {
  readonly maxDepth: number;
  readonly maxBins: number;
  readonly minInstancesPerNode: number;
  readonly subsamplingRate: number;
  readonly featureSubset: FeatureSubset;
  readonly seed: number;
}

/** Grows the trees of one ensemble, one after another, on one table. */
export interface TreeEnsembleTrainer {
  /** The training table, read and binned. */
  readonly data: TreeTrainingData;
  /** The trees grown so far. */
  readonly trees: readonly RegressionTree[];
  /**
   * Grows the next tree, number t (the trees so far), on `target`: its stream is (seed, t), its rows and
   * weights come from drawSampleWeights(subsamplingRate, withReplacement). Records the tree and its gains.
   * Throws a ModelError naming the label when the targets (`what`, e.g. "labels") are too large for the split
   * scores to square (see checkTreeTarget).
   */
  grow(target: Float64Array, withReplacement: boolean, what: string): GrownTree;
  /** Spark's importances of the trees grown so far (see ensembleImportances). */
  importances(normalizePerTree: boolean): Float64Array;
}

/**
 * Checks the spec, reads and bins the table, and returns a trainer for its trees. `numTrees` is the
 * ensemble size as featureSubset "auto" sees it ("all" for 1, "onethird" otherwise).
 */
export function startTreeEnsemble(
  model: string,
  table: ColumnTable,
  spec: FitSpec,
  params: TreeEnsembleParams,
  numTrees: number,
): TreeEnsembleTrainer {
  const data = prepareTreeTraining(model, table, spec, params.maxBins, params.seed);
  const { rows, numFeatures, binned } = data;
  const options: TreeGrowthOptions = {
    maxDepth: params.maxDepth,
    minInstancesPerNode: params.minInstancesPerNode,
    featuresPerNode: featuresPerNode(params.featureSubset, numFeatures, numTrees),
  };
  const workspace = createTreeWorkspace(binned);
  const weights = new Float64Array(rows);
  const inBag = new Uint32Array(rows);
  const trees: RegressionTree[] = [];
  const gains: Float64Array[] = [];
  return {
    data,
    trees,
    grow(target: Float64Array, withReplacement: boolean, what: string): GrownTree {
      const rng = new SeededRandom(deriveSeed(params.seed, trees.length));
      const count = drawSampleWeights(params.subsamplingRate, withReplacement, rng, weights, inBag);
      const rows = inBag.subarray(0, count);
      const about = { context: model, label: spec.label, labelValues: data.label, tree: trees.length, what };
      checkTreeTarget(about, target, weights, rows, targetShift(target, rows));
      const grown = growTree(binned, target, weights, rows, options, rng, workspace);
      trees.push(grown.tree);
      gains.push(treeFeatureGains(grown, numFeatures));
      return grown;
    },
    importances: (normalizePerTree: boolean) => ensembleImportances(gains, numFeatures, normalizePerTree),
  };
}

/** Checks the spec, reads the label and the features (numeric, no missing values) and bins the features once. */
function prepareTreeTraining(
  model: string,
  table: ColumnTable,
  spec: FitSpec,
  maxBins: number,
  seed: number,
): TreeTrainingData {
  const rows = checkFitInput(model, table, spec);
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
