import { appendErrorToLogFile, closeLogFile } from "../log/logger";
import { describeCliError } from "./cli-errors";
import { type CliInvocation, type CliProgramSettings, parseCliArgs } from "./cli-program";
import type { CliCommand, RunCliOptions } from "./cli-types";
import { exitOnClosedPipe } from "./closed-pipe";
import { configFilePath, type HelpLayout } from "./command";
import { guardLogFile } from "./log-file-guard";
import { logFileUnused, missingPaths, removeUnusedLogFile } from "./log-file-leftovers";
import { applyLoggingFlags, givenLogFile } from "./logging-flags";
import { resolveConfig } from "./parse-config";
import type { ConfigSchema } from "./schema";

/**
 * Run a CLI of subcommands, each with its own config schema; resolves to the process exit code
 * (0 ok or help, 2 config error, 1 runtime error). `--print-config` prints the resolved config as JSON instead of
 * running, so its output is a config file. A flag typed on the command line that its command's `flagConditions`
 * say the resolved config ignores is a config error. `--log-file` is checked before it is opened: by the command's
 * `checkLogFile`, then refused (exit 2) when it is the `--config` file, an output recorded in its folder's
 * tablepipe manifest, or an existing file whose first line is not a tablepipe log record (not a log an earlier run wrote).
 * Output folders checked during the run know the log file: one holding it is refused. A failed run appends its
 * error to the log file; one that failed before logging anything removes the file (and folders) it created.
 * Prints errors as one line `program: message`; never exits, except when the process's stdout or stderr is a
 * pipe its reader closed (`program --help | head -1`): then it stops writing and exits quietly with
 * `process.exitCode` (else 0).
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
  // `program --help | head -1`: a closed pipe ends the process quietly, not with a stack trace
  if (stdout === process.stdout) exitOnClosedPipe(process.stdout);
  if (stderr === process.stderr) exitOnClosedPipe(process.stderr);
  const report = (error: unknown): number => {
    const { text, exitCode } = describeCliError(error, options.env);
    stderr.write(`${options.programName}: ${text}\n`);
    return exitCode;
  };
  const output: HelpLayout = {
    writeOut: (text) => {
      stdout.write(text);
    },
    writeErr: (text) => {
      stderr.write(text);
    },
    helpWidth: options.helpWidth ?? (stdout.isTTY && stdout.columns ? stdout.columns : 80),
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
    config = resolveConfig(invocation.cli.schema, invocation.fields, invocation.parsed, {
      cwd: options.cwd,
      flagConditions: invocation.cli.flagConditions,
    });
  } catch (error) {
    return report(error);
  }
  if (invocation.printConfig) {
    stdout.write(`${JSON.stringify(config, null, 2)}\n`);
    return 0;
  }
  let logFile: string | undefined;
  let missing: readonly string[] = [];
  try {
    // the log file is checked against the command's inputs and outputs, then against the config file, outputs
    // recorded in a manifest and files that are not JSON lines, before it is opened (appended to)
    const given = givenLogFile(invocation.logging);
    if (given !== undefined) {
      await invocation.cli.checkLogFile?.(given, config);
      await guardLogFile(given, {
        configFile: configFilePath(invocation.parsed.command),
        cwd: options.cwd ?? process.cwd(),
      });
      missing = missingPaths(given);
    }
    applyLoggingFlags(invocation.logging, options.stderr);
    logFile = given;
    await invocation.cli.run(config);
  } catch (error) {
    const code = report(error);
    if (logFile !== undefined)
      await settleLogFile(missing, options.programName, describeCliError(error, options.env).text);
    return code;
  }
  return 0;
}

/**
 * After a failed run with a log file: a file this run created and never wrote to is removed, with the folders
 * created for it (a run refused before it logged anything leaves nothing behind); else the error is its last line.
 */
async function settleLogFile(missing: readonly string[], name: string, text: string): Promise<void> {
  if (await logFileUnused(missing)) {
    closeLogFile();
    await removeUnusedLogFile(missing);
  } else {
    appendErrorToLogFile(name, text);
  }
}
