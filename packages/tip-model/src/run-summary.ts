import type { TipAmountModel } from "./job/tip-amount-model";
import { formatBytes, formatInteger, formatMetric } from "./report/format";

/**
 * The lines `tip-model run` ends with: time taken, rows read → prepared → training / test, the test metrics
 * beside the baseline's, and each output file with its size.
 * @example runSummary(job, 12_300)[0] // "done in 12.3 s: 200,000 trips read → 26,322 prepared → 21,058 training / 5,264 test"
 */
export function runSummary(job: TipAmountModel, ms: number): string[] {
  const read = job.inputRows.taxi_trip_data;
  const rows = [
    read === undefined ? undefined : `${formatInteger(read)} trips read`,
    `${formatInteger(job.table("prepared_data").numRows())} prepared`,
    `${formatInteger(job.table("training").numRows())} training / ${formatInteger(job.table("test").numRows())} test`,
  ].filter((part) => part !== undefined);
  const lines = [`done in ${(ms / 1000).toFixed(1)} s: ${rows.join(" → ")}`];
  const test = job.metrics?.test;
  if (test !== undefined) {
    const baseline =
      job.baseline === undefined ? "" : ` (predicting the training mean: ${formatMetric(job.baseline.rmse)})`;
    lines.push(
      `test RMSE ${formatMetric(test.rmse)}${baseline}, MAE ${formatMetric(test.mae)}, R² ${formatMetric(test.r2)}`,
    );
  }
  if (job.outputDir !== undefined) {
    const files = job.outputFiles.map((file) => `${file.name} ${formatBytes(file.bytes)}`).join(", ");
    lines.push(`wrote ${job.outputDir}: ${files}`);
  }
  return lines;
}
