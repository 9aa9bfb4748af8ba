import type { z } from "zod";
import { describeCliError } from "./cli-errors";
import { type CliInvocation, type CliProgramSettings, parseCliArgs } from "./cli-program";
import type { CommandOutput } from "./command";
import { applyLoggingFlags } from "./logging-flags";
import { resolveConfig } from "./parse-config";
import type { ConfigSchema } from "./schema";

/** One subcommand of a CLI: its config schema and what it runs. */
export interface CliCommand<S extends ConfigSchema = ConfigSchema> {
  /** One line for help. */
  description: string;
  schema: S;
  /** Runs with the validated config; a rejection or throw becomes an error line and exit code 1. */
  run(config: z.output<S>): Promise<void> | void;
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
  /** Error lines go here (and log lines, when given). Default process.stderr. */
  stderr?: CliOutput;
  /** Folder a relative `--config` path is read from. */
  cwd?: string;
  /** Add the global `--log-level`, `--log-format`, `--log-file` flags. Default true. */
  loggingFlags?: boolean;
  /** Environment read for `DEBUG`. Default process.env. */
  env?: NodeJS.ProcessEnv;
}

/**
 * Run a CLI of subcommands, each with its own config schema; resolves to the process exit code
 * (0 ok or help, 2 config error, 1 runtime error). Prints errors as one line `program: message`; never exits.
 * @example
 * process.exitCode = await runCli(process.argv.slice(2), {
 *   programName: "tip-model", defaultCommand: "run",
 *   commands: { run: { description: "Train and evaluate", schema: tipModelConfig, run: (config) => new TipModel(config).run() } },
 * });
 */
export async function runCli<M extends Record<string, ConfigSchema>>(
  argv: readonly string[],
  options: RunCliOptions<M>,
): Promise<number> {
  const stdout = options.stdout ?? process.stdout;
  const stderr = options.stderr ?? process.stderr;
  const report = (error: unknown): number => {
    const { text, exitCode } = describeCliError(error, options.env);
    stderr.write(`${options.programName}: ${text}\n`);
    return exitCode;
  };
  const output: CommandOutput = {
    writeOut: (text) => {
      stdout.write(text);
    },
    writeErr: (text) => {
      stderr.write(text);
    },
    helpWidth: stdout.isTTY && stdout.columns ? stdout.columns : 80,
  };
  const settings: CliProgramSettings = {
    programName: options.programName,
    description: options.description,
    version: options.version,
    defaultCommand: options.defaultCommand,
    loggingFlags: options.loggingFlags !== false,
    commands: options.commands as Record<string, CliCommand>,
  };

  let config: unknown;
  let invocation: CliInvocation;
  try {
    invocation = parseCliArgs(argv, settings, output);
    if (invocation.kind === "printed") return invocation.exitCode;
    applyLoggingFlags(invocation.logging, options.stderr);
    config = resolveConfig(invocation.cli.schema, invocation.fields, invocation.parsed, options.cwd);
  } catch (error) {
    return report(error);
  }
  try {
    await invocation.cli.run(config);
  } catch (error) {
    return report(error);
  }
  return 0;
}
