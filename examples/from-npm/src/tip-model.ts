// The README example of @tablepipe/tip-model (see core.ts for how it is checked).
// #region example
import { tmpdir } from "node:os";
import { join } from "node:path";
import { TipAmountModel } from "@tablepipe/tip-model";

export async function tipModelExample() {
  const job = new TipAmountModel({ sample_rows: 5000, output_dir: join(tmpdir(), "tip-model-example") });
  await job.run(); // extract, transform, train, validate, load
  return { model: job.model?.name, test: job.metrics?.test, prepared: job.table("prepared_data").numRows() };
}
// #endregion example
