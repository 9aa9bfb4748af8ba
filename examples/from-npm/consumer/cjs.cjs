// A CommonJS script using the installed packages through their `require` entry points.
const assert = require("node:assert/strict");
const { pipe } = require("@tablepipe/core");
const { parseConfig } = require("@tablepipe/job");
const { gradientBoostedTrees, loadModel, trainTestSplit } = require("@tablepipe/models");
const { tripRows } = require("@tablepipe/testing");
const {
  FEATURE_COLUMNS,
  TipAmountModelConfig,
  addFeatures,
  filterData,
  filterSettings,
  generateTrips,
  generateZones,
} = require("@tablepipe/tip-model");
const { dropMissing } = require("@tablepipe/transforms");

const parsed = parseConfig(TipAmountModelConfig, [
  "--n-first-daily-rides-to-keep",
  "5",
  "--test-fraction",
  "0.25",
]);
assert.equal(parsed.kind, "config");
const config = parsed.config;

const prepared = pipe(generateTrips({ rows: 5000, seed: 2 }))
  .transform(filterData, { zones: generateZones(), ...filterSettings(config) })
  .transform(addFeatures)
  .transform(dropMissing, { columns: [...FEATURE_COLUMNS, "tip_amount"] })
  .value();
const { training, test } = trainTestSplit(prepared, {
  testFraction: config.test_fraction,
  seed: config.seed,
});
const model = gradientBoostedTrees({ maxIter: 5, maxDepth: 3 }).fit(training, {
  features: [...FEATURE_COLUMNS],
  label: "tip_amount",
});
const reloaded = loadModel(JSON.parse(JSON.stringify(model.toJSON())));
assert.deepEqual(Array.from(reloaded.predict(test)), Array.from(model.predict(test)));
assert.equal(tripRows.rows([{}]).numCols(), 17);

console.log(`cjs: ${training.numRows()} training rows, ${model.name} reloaded from JSON predicts the same`);
