import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { configureLogging, resetLogging } from "@tablepipe/job";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compareModels } from "../src/experiment";

describe("compareModels (the walkthrough as a script)", () => {
  const outputDir = mkdtempSync(join(tmpdir(), "playground-experiment-"));
  beforeAll(() => configureLogging({ level: "warn" }));
  afterAll(() => {
    resetLogging();
    rmSync(outputDir, { recursive: true, force: true });
  });

  it("reruns train and validate after a config change, then with gradient-boosted trees", async () => {
    const { baseline, smallTestSet, boosted } = await compareModels({
      sample_rows: 5000,
      output_dir: outputDir,
    });
    expect(baseline.model).toBe("randomForest");
    expect(smallTestSet.trainingRows).toBeGreaterThan(baseline.trainingRows);
    expect(smallTestSet.test.count).toBeLessThan(baseline.test.count);
    expect(boosted.model).toBe("gradientBoostedTrees");
    expect(boosted.trainingRows).toBe(smallTestSet.trainingRows);
    expect(boosted.test.rmse).toBeGreaterThan(0);
  });
});
