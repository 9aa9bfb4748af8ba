import { describeCliError } from "./cli-errors";
import { type CliInvocation, type CliProgramSettings, parseCliArgs } from "./cli-program";
import type { CliCommand, RunCliOptions } from "./cli-types";
import { configFilePath, type HelpLayout } from "./command";
import { guardLogFile } from "./log-file-guard";
import { applyLoggingFlags, givenLogFile } from "./logging-flags";
import { resolveConfig } from "./parse-config";
import type { ConfigSchema } from "./schema";

/**
 * Run a CLI of subcommands, each with its own config schema; resolves to the process exit code
 * (0 ok or help, 2 config error, 1 runtime error). `--print-config` prints the resolved config as JSON instead of
 * running, so its output is a config file. A flag typed on the command line that its command's `flagConditions`
 * say the resolved config ignores is a config error. `--log-file` is checked before it is opened: by the command's
 * `checkLogFile`, then refused (exit 2) when it is the `--config` file, an output recorded in its folder's
 * tablepipe manifest, or an existing file whose first line is not a JSON object (not a log an earlier run wrote).
 * Prints errors as one line `program: message`; never exits.
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
  try {
    // the log file is checked against the command's inputs and outputs, then against the config file, outputs
    // recorded in a manifest and files that are not JSON lines, before it is opened (appended to)
    const logFile = givenLogFile(invocation.logging);
    if (logFile !== undefined) {
      await invocation.cli.checkLogFile?.(logFile, config);
      await guardLogFile(logFile, {
        configFile: configFilePath(invocation.parsed.command),
        cwd: options.cwd ?? process.cwd(),
      });
    }
    applyLoggingFlags(invocation.logging, options.stderr);
    await invocation.cli.run(config);
  } catch (error) {
    return report(error);
  }
  return 0;
}
