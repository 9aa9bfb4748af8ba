import { gradientBoostedTrees } from "@tablepipe/models";
import { TipAmountModel, type TipModelMetrics } from "@tablepipe/tip-model";

/** What one experiment found: the training rows and the test metrics of each variant. */
export interface ExperimentResult {
  readonly model: string;
  readonly trainingRows: number;
  readonly test: TipModelMetrics["test"];
}

function result(job: TipAmountModel): ExperimentResult {
  const model = job.fittedModel();
  const metrics = job.metrics;
  if (metrics === undefined) throw new Error("validate() has not run");
  return { model: model.name, trainingRows: job.table("training").numRows(), test: metrics.test };
}

// #region experiment
/**
 * The playground's walkthrough as a script: once an experiment is worth keeping, it moves from the REPL to a
 * typed file (and from there, if it wins, into the job itself).
 */
export async function compareModels(config: { sample_rows?: number; output_dir?: string } = {}) {
  const job = new TipAmountModel(config);
  await job.run();
  const baseline = result(job);

  // Parameter-level experimentation: a smaller test set; rerun only the stages it affects.
  job.config.test_fraction = 0.01;
  await job.train();
  await job.validate();
  const smallTestSet = result(job);

  // Local prototyping: gradient-boosted trees instead of the random forest, on this instance only.
  job.trainModel = function (this: TipAmountModel) {
    return gradientBoostedTrees({ stepSize: 0.1, maxDepth: 4, seed: 42 }).fit(this.table("training"), {
      features: this.featureCols,
      label: this.labelCol,
    });
  };
  await job.train();
  await job.validate();
  const boosted = result(job);

  return { baseline, smallTestSet, boosted };
}
// #endregion experiment
