export type { CommandOutput } from "./commands";
export { PrepareConfig, runTipModelCli, SampleConfig } from "./commands";
export {
  FEATURE_COLUMNS,
  type FilterSettings,
  filterSettings,
  filterSettingsFields,
  LABEL_COLUMN,
  MODEL_NAMES,
  TipAmountModelConfig,
  tipAmountModelFields,
  withConfigChecks,
} from "./config";
export * from "./data/index";
export { prepareFlagConditions, runFlagConditions } from "./flag-conditions";
export type { DataSources } from "./job/data-sources";
export { DataSourceError, inputPaths, resolveDataSources } from "./job/data-sources";
export type { JobOutputTarget, RunOutputs, TipModelMetrics } from "./job/outputs";
export {
  checkOutputDir,
  OUTPUT_FILES,
  openJobOutputs,
  predictionsSchema,
  writeJobOutputs,
} from "./job/outputs";
export { openPreparedOutput } from "./job/prepared-output";
export { regressorFor } from "./job/regressor";
export type { TipAmountModelOptions, TipModelTables } from "./job/tip-amount-model";
export { TipAmountModel, TrainingDataError } from "./job/tip-amount-model";
export type { RenderReportOptions, ReportImportance, ReportInput, ReportMetricSet } from "./report/index";
export { DEFAULT_MAX_POINTS, DEFAULT_RESIDUAL_BINS, renderReport } from "./report/index";
export { addFeatures } from "./steps/add-features";
export { filterData } from "./steps/filter-data";
export { keepEveningRides } from "./steps/keep-evening-rides";
export type { FilterStepSettings } from "./steps/step-params";
export { filterStepParams } from "./steps/step-params";
export { PREPARED_ORDER, TRIP, ZONE } from "./steps/taxi-columns";
