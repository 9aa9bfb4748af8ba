export { DEFAULT_MAX_POINTS, DEFAULT_RESIDUAL_BINS, renderReport } from "./render-report";
export { evenlySpacedIndices } from "./sample";
export type { RenderReportOptions, ReportImportance, ReportInput, ReportMetricSet } from "./types";
