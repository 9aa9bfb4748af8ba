import * as z from "zod";
import { LOG_FORMATS, LOG_LEVELS } from "../log/levels";
import { configureLogging, type LoggingOptions, type LogStream } from "../log/logger";
import { ConfigError } from "./errors";
import type { ConfigField } from "./fields";

/** The global logging flags of `runCli`: `--log-level`, `--log-format`, `--log-file`. */
export const loggingFlagsSchema = z.object({
  log_level: z.enum(LOG_LEVELS).default("info").describe("lowest level written to the log"),
  log_format: z.enum(LOG_FORMATS).default("pretty").describe("human-readable lines or JSON lines on stderr"),
  log_file: z.string().optional().describe("also append JSON log lines to this file"),
});

/** The `--log-file` given among the logging flags, if any. */
export function givenLogFile(given: ReadonlyMap<ConfigField, unknown>): string | undefined {
  for (const [field, value] of given) {
    if (field.path[0] === "log_file") return loggingFlagsSchema.shape.log_file.parse(value);
  }
  return undefined;
}

/**
 * Pass the logging flags that were given to configureLogging (plus `stream`, when given); flags not given
 * leave the current configuration alone. A log file that cannot be opened is a {@link ConfigError}.
 */
export function applyLoggingFlags(
  given: ReadonlyMap<ConfigField, unknown>,
  stream: LogStream | undefined,
): void {
  const next: LoggingOptions = stream === undefined ? {} : { stream };
  if (givenLogFile(given) !== undefined) next.fileLabel = "--log-file";
  for (const [field, value] of given) {
    const key = field.path[0];
    if (key === "log_level") next.level = loggingFlagsSchema.shape.log_level.parse(value);
    else if (key === "log_format") next.format = loggingFlagsSchema.shape.log_format.parse(value);
    else if (key === "log_file") next.file = loggingFlagsSchema.shape.log_file.parse(value);
  }
  if (Object.keys(next).length === 0) return;
  try {
    configureLogging(next);
  } catch (error) {
    throw new ConfigError(`--log-file: cannot open ${next.file ?? ""}: ${(error as Error).message}`, {
      kind: "invalid-value",
      flag: "--log-file",
    });
  }
}
