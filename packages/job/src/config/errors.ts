/** What went wrong in a {@link ConfigError}. */
export type ConfigErrorKind =
  | "unknown-flag"
  | "unknown-command"
  | "unexpected-argument"
  | "missing-value"
  | "invalid-value"
  | "config-file"
  | "invalid-config"
  /** A flag that takes one value given twice (`--top-n 7 --top-n 8`). */
  | "repeated-flag"
  /** A flag given on the command line that the resolved config ignores (another model's or engine's). */
  | "inapplicable-flag";

/** Where a {@link ConfigError} points. */
export interface ConfigErrorDetails {
  kind: ConfigErrorKind;
  /** The offending flag as typed on the command line, e.g. "--test-fraction" ("--config" for file errors). */
  flag?: string;
  /** The config file, for errors in it. */
  file?: string;
  /** The key in the config file, e.g. "test_fraction" or "random_forest.num_trees". */
  key?: string;
}

/**
 * A one-line, user-facing error in command-line flags or a config file; `runCli` prints it and exits with 2.
 * @example new ConfigError('--test-fraction: expected a number > 0 and < 1, got 1.5', { kind: "invalid-value", flag: "--test-fraction" })
 */
export class ConfigError extends Error {
  override readonly name = "ConfigError";
  /** Print the message alone, without a stack trace. */
  readonly userFacing = true;
  /** Process exit code for configuration errors. */
  readonly exitCode = 2;
  /** What went wrong: an unknown flag, a bad value, a config file problem... */
  readonly kind: ConfigErrorKind;
  /** The offending flag, e.g. "--test-fraction" ("--config" for file errors). */
  readonly flag: string | undefined;
  /** The config file, for errors in it. */
  readonly file: string | undefined;
  /** The key in the config file, e.g. "random_forest.num_trees". */
  readonly key: string | undefined;

  constructor(message: string, details: ConfigErrorDetails) {
    super(message);
    this.kind = details.kind;
    this.flag = details.flag;
    this.file = details.file;
    this.key = details.key;
  }
}
