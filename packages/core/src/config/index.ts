export { type CliErrorReport, describeCliError, isUserFacingError, type UserFacingError } from "./cli-errors";
export { ConfigError, type ConfigErrorDetails, type ConfigErrorKind } from "./errors";
export { toFlagName } from "./flag-names";
export { loggingFlagsSchema } from "./logging-flags";
export { formatHelp, type ParseConfigOptions, type ParseConfigResult, parseConfig } from "./parse-config";
export { configReference } from "./reference";
export { type CliCommand, type CliOutput, type RunCliOptions, runCli } from "./run-cli";
export type { ConfigSchema } from "./schema";
