import { Command, CommanderError } from "commander";
import { booleanValueGiven } from "./boolean-value";
import type { CliCommand } from "./cli-types";
import {
  addConfigOptions,
  CONFIG_FLAG_EXPECTATIONS,
  checkNoArguments,
  type FlagBinding,
  flagValues,
  fromCommanderError,
  type HelpLayout,
  quietCommand,
} from "./command";
import { PRINT_CONFIG_FLAG } from "./config-flag-help";
import { ConfigError } from "./errors";
import { formatFlagValue } from "./field-text";
import { type ConfigField, configFields } from "./fields";
import { examplesHelp } from "./help-layout";
import { loggingFlagsSchema } from "./logging-flags";
import type { ConfigCommand } from "./parse-config";
import { closestName } from "./suggest";

/** What builds the commander program of a CLI. */
export interface CliProgramSettings {
  programName: string;
  description: string | undefined;
  version: string | undefined;
  defaultCommand: string | undefined;
  loggingFlags: boolean;
  commands: Readonly<Record<string, CliCommand>>;
}

/** The outcome of parsing a CLI's argv: help was printed, or a command was chosen with its flags. */
export type CliInvocation =
  | { kind: "printed"; exitCode: number }
  | {
      kind: "command";
      name: string;
      cli: CliCommand;
      fields: readonly ConfigField[];
      parsed: ConfigCommand;
      /** The global logging flags that were given. */
      logging: ReadonlyMap<ConfigField, unknown>;
      /** `--print-config` was given: print the resolved config instead of running. */
      printConfig: boolean;
    };

interface Chosen {
  name: string;
  cli: CliCommand;
  fields: readonly ConfigField[];
  parsed: ConfigCommand;
}

/**
 * Parse argv against a program of subcommands, each carrying its schema's flags, plus global logging flags.
 * Help and version are written through `output`; bad input throws a {@link ConfigError}.
 */
export function parseCliArgs(
  argv: readonly string[],
  settings: CliProgramSettings,
  output: HelpLayout,
): CliInvocation {
  const program = quietCommand(new Command(settings.programName), output);
  if (settings.description !== undefined) program.description(settings.description);
  if (settings.version !== undefined) program.version(settings.version);
  const loggingFields = settings.loggingFlags ? configFields(loggingFlagsSchema) : [];
  const loggingBindings: FlagBinding[] = addConfigOptions(program, loggingFields, {
    configFlag: false,
    helpGroup: "Logging options:",
  });
  program.option(
    PRINT_CONFIG_FLAG,
    "print the resolved config (defaults < file < flags) as JSON and exit without running",
  );
  const reservedFlags = [...loggingFields.map((f) => f.flag), PRINT_CONFIG_FLAG];

  let chosen: Chosen | undefined;
  let current: readonly ConfigField[] = loggingFields;
  const subcommands = new Map<string, readonly ConfigField[]>();
  for (const [name, cli] of Object.entries(settings.commands)) {
    const fields = configFields(cli.schema);
    subcommands.set(name, fields);
    const command = quietCommand(new Command(name), output).description(cli.description);
    const isDefault = name === settings.defaultCommand;
    const summary = cli.summary ?? cli.description;
    command.summary(isDefault ? `${summary} (default)` : summary);
    const examples = examplesHelp(cli.examples ?? [], output.helpWidth);
    if (examples !== "") command.addHelpText("after", examples);
    const parsed = { command, bindings: addConfigOptions(command, fields, { reservedFlags }) };
    command.action(() => {
      chosen = { name, cli, fields, parsed };
    });
    program.addCommand(command, { isDefault });
  }
  program.addHelpText("after", `\nRun \`${settings.programName} <command> --help\` for a command's flags.\n`);
  program.hook("preSubcommand", (_program, sub) => {
    current = [...loggingFields, ...(subcommands.get(sub.name()) ?? [])];
  });

  try {
    program.parse([...argv], { from: "user" });
  } catch (error) {
    if (error instanceof CommanderError && isHelpOrVersion(error.code)) {
      // Help shown because no command was named is a usage error: exit 2, like other config errors.
      return { kind: "printed", exitCode: error.exitCode === 0 ? 0 : 2 };
    }
    throw fromCommanderError(error, current, CONFIG_FLAG_EXPECTATIONS);
  }
  if (chosen === undefined) throw new ConfigError("no command given", { kind: "unknown-command" });
  const [stray] = chosen.parsed.command.args;
  const flagFields = [...loggingFields, ...chosen.fields];
  if (stray !== undefined && program.args[0] !== chosen.name) {
    const booleanValue = subcommands.has(stray) ? undefined : booleanValueGiven(argv, stray, flagFields);
    throw booleanValue ?? unknownCommand(stray, [...subcommands.keys()]);
  }
  checkNoArguments(chosen.parsed.command, argv, flagFields);
  return {
    kind: "command",
    ...chosen,
    logging: flagValues(program, loggingBindings),
    printConfig: program.getOptionValue("printConfig") === true,
  };
}

/** A word where a command name was expected, with the closest command suggested. */
function unknownCommand(word: string, commands: readonly string[]): ConfigError {
  const close = closestName(word, commands);
  const hint = close === undefined ? ` (commands: ${commands.join(", ")})` : ` (did you mean ${close}?)`;
  return new ConfigError(`unknown command ${formatFlagValue(word)}${hint}`, { kind: "unknown-command" });
}

function isHelpOrVersion(code: string): boolean {
  return code === "commander.helpDisplayed" || code === "commander.help" || code === "commander.version";
}
