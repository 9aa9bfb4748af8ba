import type * as z from "zod";
import type { FlagConditions } from "./flag-conditions";
import type { CliExample } from "./help-layout";
import type { ConfigSchema } from "./schema";

/** One subcommand of a CLI: its config schema and what it runs. */
export interface CliCommand<S extends ConfigSchema = ConfigSchema> {
  /** What the command does: the first paragraph of its help. */
  description: string;
  /** One short line for the program's command list. Default: the description. */
  summary?: string;
  /** Shown as an "Examples:" section at the end of the command's help. */
  examples?: readonly CliExample[];
  schema: S;
  /**
   * When mode-specific flags apply, by config key: `(config) => reason | undefined`. A flag given on the command
   * line that the resolved config ignores is a config error (exit 2) naming the flag and the reason; values from
   * `--config` are not checked.
   * @example { num_trees: (c) => (c.model === "linear" ? "applies to --model random-forest, not linear" : undefined) }
   */
  flagConditions?: FlagConditions<z.output<S>>;
  /** Runs with the validated config; a rejection or throw becomes an error line and exit code 1. */
  run(config: z.output<S>): Promise<void> | void;
  /**
   * Refuse `--log-file FILE` for a run with `config`, before the file is opened: throw an error naming the flag,
   * the path and why (an input of the command, one of its outputs). Whether or not it is given, `runCli` then
   * refuses the `--config` file, a file its folder's tablepipe manifest records as an output, and an existing,
   * non-empty file whose first line is not a tablepipe log record; any other file is appended to. Without it, an output
   * folder the run checks (`checkOutputFolder` of @tablepipe/io) refuses one that holds the log file, later.
   */
  checkLogFile?(file: string, config: z.output<S>): Promise<void> | void;
}

/** Where the CLI writes: `process.stdout`/`process.stderr` or a test double. */
export interface CliOutput {
  write(chunk: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

/** Options for {@link runCli}. */
export interface RunCliOptions<M extends Record<string, ConfigSchema>> {
  /** The executable's name, used in usage lines and as the prefix of error lines. */
  programName: string;
  description?: string;
  /** Adds `-V, --version`. */
  version?: string;
  /** The command run when none is named (`tip-model --seed 7` runs `tip-model run --seed 7`). */
  defaultCommand?: keyof M & string;
  commands: { [K in keyof M]: CliCommand<M[K]> };
  /** Help and version go here. Default process.stdout. */
  stdout?: CliOutput;
  /** Help line width. Default: stdout's columns when it is a terminal, else 80. */
  helpWidth?: number;
  /** Error lines go here (and log lines, when given). Default process.stderr. */
  stderr?: CliOutput;
  /** Folder a relative `--config` path is read from. */
  cwd?: string;
  /** Add the global `--log-level`, `--log-format`, `--log-file` flags. Default true. */
  loggingFlags?: boolean;
  /** Environment read for `DEBUG`. Default process.env. */
  env?: NodeJS.ProcessEnv;
}
