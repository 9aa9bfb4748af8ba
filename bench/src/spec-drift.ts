import { FEATURE_COLUMNS, LABEL_COLUMN, TipAmountModelConfig } from "@tablepipe/tip-model";
import { DEFAULTS, FEATURES, LABEL } from "./pipeline-spec";

/**
 * Where the baselines' pipeline spec no longer matches the tip model it stands for: its bounds against the
 * defaults of the job's config schema (the one place they are declared), its features and label against the
 * job's. Empty when they agree. Checked by the harness before any run (not in the timed baseline processes,
 * which import only the spec).
 *
 * @example for (const problem of specDrift()) console.error(problem);
 */
export function specDrift(): string[] {
  const config = TipAmountModelConfig.parse({});
  const job = {
    historyStartMonth: config.history_start_month,
    historyEndMonth: config.history_end_month,
    firstEveningHour: config.first_evening_hour,
    lastEveningHour: config.last_evening_hour,
    nFirstDailyRides: config.n_first_daily_rides_to_keep,
  };
  const problems = Object.entries(job)
    .filter(([key, value]) => DEFAULTS[key as keyof typeof DEFAULTS] !== value)
    .map(
      ([key, value]) => `DEFAULTS.${key} is ${DEFAULTS[key as keyof typeof DEFAULTS]}, the job's is ${value}`,
    );
  if (FEATURES.join() !== FEATURE_COLUMNS.join())
    problems.push("FEATURES differ from the job's FEATURE_COLUMNS");
  if (LABEL !== LABEL_COLUMN) problems.push(`LABEL is ${LABEL}, the job's is ${LABEL_COLUMN}`);
  return problems;
}
