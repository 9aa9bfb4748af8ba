import { Command, CommanderError } from "commander";
import type * as z from "zod";
import {
  addConfigOptions,
  CONFIG_FLAG_EXPECTATIONS,
  checkNoArguments,
  configFilePath,
  type FlagBinding,
  flagValues,
  fromCommanderError,
  quietCommand,
} from "./command";
import { readConfigFile } from "./config-file";
import { type ConfigField, configFields } from "./fields";
import { checkFlagConditions, type FlagConditions } from "./flag-conditions";
import type { ConfigSchema } from "./schema";
import { validateConfig } from "./validate";

/** The outcome of {@link parseConfig}: a typed config, or the help text when `--help` was asked for. */
export type ParseConfigResult<S extends ConfigSchema> =
  | { kind: "config"; config: z.output<S> }
  | { kind: "help"; text: string };

/** Options for {@link parseConfig} and {@link formatHelp}; `C` is the config type the flag conditions read. */
export interface ParseConfigOptions<C = unknown> {
  /** The command as typed, shown in the usage line, e.g. "tip-model run". Default "command". */
  command?: string;
  /** One paragraph shown under the usage line. */
  description?: string;
  /** Folder a relative `--config` path is read from. Default: the process's working directory. */
  cwd?: string;
  /** Help line width. Default 80. */
  helpWidth?: number;
  /**
   * When mode-specific flags apply, by config key, as a `runCli` command's `flagConditions`: a flag typed in
   * `argv` that the resolved config ignores is a {@link ConfigError} naming it and why; `--config` values are
   * not checked. Not used by {@link formatHelp}.
   */
  flagConditions?: FlagConditions<C>;
}

/** Where {@link resolveConfig} reads a relative `--config` path from, and which flags it refuses. */
export interface ResolveSettings<C> {
  readonly cwd?: string | undefined;
  readonly flagConditions?: FlagConditions<C> | undefined;
}

/**
 * Parse command-line flags into a typed config: defaults < `--config file.json` < flags, validated by the
 * schema, then the flags checked against `options.flagConditions` as `runCli` checks them. Throws a
 * {@link ConfigError} naming the flag (or file key) on bad input; never exits.
 * @example
 * const result = parseConfig(schema, ["--test-fraction", "0.1"]);
 * if (result.kind === "help") process.stdout.write(result.text); else run(result.config);
 */
export function parseConfig<S extends ConfigSchema>(
  schema: S,
  argv: readonly string[],
  options: ParseConfigOptions<z.output<S>> = {},
): ParseConfigResult<S> {
  const fields = configFields(schema);
  let help = "";
  const command = configCommand(fields, options, (text) => {
    help += text;
  });
  try {
    command.command.parse([...argv], { from: "user" });
  } catch (error) {
    if (error instanceof CommanderError && error.code === "commander.helpDisplayed") {
      return { kind: "help", text: help };
    }
    throw fromCommanderError(error, fields, CONFIG_FLAG_EXPECTATIONS);
  }
  checkNoArguments(command.command, argv, fields);
  return { kind: "config", config: resolveConfig(schema, fields, command, options) };
}

/**
 * The `--help` text for a config schema: usage, description, and every flag with its type, constraints,
 * default and description.
 * @example formatHelp(schema, { command: "tip-model run", description: "Train and evaluate the model." })
 */
export function formatHelp(schema: ConfigSchema, options: ParseConfigOptions = {}): string {
  return configCommand(configFields(schema), options, () => {}).command.helpInformation();
}

/** A commander command carrying a schema's flags. */
export interface ConfigCommand {
  readonly command: Command;
  readonly bindings: readonly FlagBinding[];
}

/** Build the commander command for a schema's fields (no parsing). */
export function configCommand(
  fields: readonly ConfigField[],
  options: ParseConfigOptions,
  writeOut: (text: string) => void,
): ConfigCommand {
  const command = quietCommand(new Command(options.command ?? "command"), {
    writeOut,
    helpWidth: options.helpWidth ?? 80,
  });
  if (options.description !== undefined) command.description(options.description);
  return { command, bindings: addConfigOptions(command, fields) };
}

/**
 * After commander has parsed: read the config file, merge, validate, then refuse the flags given on the
 * command line that `settings.flagConditions` say the config ignores (`parseConfig` and `runCli` both end here).
 */
export function resolveConfig<S extends ConfigSchema>(
  schema: S,
  fields: readonly ConfigField[],
  parsed: ConfigCommand,
  settings: ResolveSettings<z.output<S>>,
): z.output<S> {
  const path = configFilePath(parsed.command);
  const file = path === undefined ? undefined : { path, values: readConfigFile(path, fields, settings.cwd) };
  const flags = flagValues(parsed.command, parsed.bindings);
  const config = validateConfig(schema, fields, { flags, file });
  checkFlagConditions(settings.flagConditions, config, flags);
  return config;
}
