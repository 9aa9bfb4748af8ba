/**
 * @tablepipe/job: a job around tablepipe pipes, the guide's way: one zod config schema that becomes typed
 * config, command-line flags, `--help` and a JSON config file; a shared logger (readable lines or JSON); and
 * the `Job` base class whose stages log their duration, row counts and funnels.
 * @packageDocumentation
 */

export {
  type CliErrorReport,
  describeCliError,
  isUserFacingError,
  type UserFacingError,
} from "./config/cli-errors";
export type { CliCommand, CliOutput, RunCliOptions } from "./config/cli-types";
export { type CrossFieldCheckParams, crossFieldCheck } from "./config/cross-field-check";
export { ConfigError, type ConfigErrorDetails, type ConfigErrorKind } from "./config/errors";
export type { FlagCondition, FlagConditions } from "./config/flag-conditions";
export { toFlagName } from "./config/flag-names";
export type { CliExample } from "./config/help-layout";
export { loggingFlagsSchema } from "./config/logging-flags";
export {
  formatHelp,
  type ParseConfigOptions,
  type ParseConfigResult,
  parseConfig,
} from "./config/parse-config";
export { configReference } from "./config/reference";
export { runCli } from "./config/run-cli";
export type { ConfigSchema } from "./config/schema";
export type { JobOptions, StageRun } from "./job/job";
export { formatDuration, Job, MissingTableError } from "./job/job";
export { LOG_FORMATS, LOG_LEVELS } from "./log/levels";
export type { LogFormat, Logger, LoggingOptions, LogLevel, LogStream } from "./log/logger";
export {
  configureLogging,
  currentLogFormat,
  getLogger,
  isLogLevelEnabled,
  resetLogging,
} from "./log/logger";
