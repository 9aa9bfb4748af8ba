// The README example of @tablepipe/tip-model (see core.ts for how it is checked).
// #region example
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { TipAmountModel } from "@tablepipe/tip-model";

export async function tipModelExample() {
  const outputDir = mkdtempSync(join(tmpdir(), "tip-model-example-")); // a new folder: tablepipe never writes over others' files
  const job = new TipAmountModel({ sample_rows: 5000, output_dir: outputDir });
  await job.run(); // extract, transform, train, validate, load
  return { model: job.model?.name, test: job.metrics?.test, prepared: job.table("prepared_data").numRows() };
}
// #endregion example
