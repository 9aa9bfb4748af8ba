export type { StageRun } from "./job";
export { formatDuration, Job, MissingTableError } from "./job";
