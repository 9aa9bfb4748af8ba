import { type Command, CommanderError, Option } from "commander";
import { booleanTakesNoValue, booleanValueGiven } from "./boolean-value";
import { configFlagHelp } from "./config-flag-help";
import { ConfigError } from "./errors";
import { expectation, formatFlagValue, typeSummary, valuePlaceholder } from "./field-text";
import type { ConfigField } from "./fields";
import { toFlagName } from "./flag-names";
import { parseFlagValue } from "./flag-values";
import { refuseRepeats } from "./given-once";
import { formatHelpItem } from "./help-layout";

/** A schema field registered as a commander option. */
export interface FlagBinding {
  readonly field: ConfigField;
  /** commander's attribute name for the option (shared by `--x` and `--no-x`). */
  readonly attribute: string;
}

/** Flags every config command has besides the schema's. */
export const CONFIG_FLAG = "--config";
/** What `--config` expects, for "got no value" errors. */
export const CONFIG_FLAG_EXPECTATIONS: ReadonlyMap<string, string> = new Map([
  [CONFIG_FLAG, "a JSON file path"],
]);
const BUILT_IN_FLAGS = new Set([CONFIG_FLAG, "--help", "--version"]);

/** Options shown as `--[no-]flag` in help (their `--no-flag` twin is hidden). */
const negatable = new WeakSet<Option>();

/** How help is laid out and where commander's own output goes. */
export interface HelpLayout {
  /** Receives help (and version) text. */
  writeOut: (text: string) => void;
  /** Receives help shown because a command was missing (commander writes it as an error). */
  writeErr?: (text: string) => void;
  /** Help line width. */
  helpWidth: number;
}

/**
 * Make a commander command throw instead of exiting or printing errors, and lay out help our way.
 * Excess arguments are allowed here and reported by {@link checkNoArguments} with the argument named.
 */
export function quietCommand(command: Command, output: HelpLayout): Command {
  return command
    .exitOverride()
    .allowExcessArguments(true)
    .configureOutput({
      writeOut: output.writeOut,
      writeErr: output.writeErr ?? (() => {}),
      outputError: () => {},
      getOutHelpWidth: () => output.helpWidth,
      getErrHelpWidth: () => output.helpWidth,
    })
    .configureHelp({
      helpWidth: output.helpWidth,
      showGlobalOptions: true,
      formatItem: formatHelpItem,
      optionTerm: (option: Option) =>
        negatable.has(option) ? option.flags.replace(/^--/, "--[no-]") : option.flags,
    });
}

/** Options for {@link addConfigOptions}. */
export interface AddOptionsSettings {
  /** Flags the schema may not take (besides --config, --help, --version). */
  reservedFlags?: readonly string[];
  /** Add `--config <file>`. Default true. */
  configFlag?: boolean;
  /** Help heading for these options, e.g. "Logging options:". */
  helpGroup?: string;
}

/**
 * Register one option per field on `command` (booleans get `--x` and `--no-x`), plus `--config <file>`.
 * Throws a TypeError when two keys map to the same flag or a key takes a built-in flag.
 */
export function addConfigOptions(
  command: Command,
  fields: readonly ConfigField[],
  settings: AddOptionsSettings = {},
): FlagBinding[] {
  const seen = new Map<string, string>();
  const reserved = new Set([...BUILT_IN_FLAGS, ...(settings.reservedFlags ?? [])]);
  const bindings: FlagBinding[] = [];
  for (const field of fields) {
    const key = field.path.join(".");
    if (reserved.has(field.flag)) {
      throw new TypeError(`Config key "${key}" would take the built-in flag ${field.flag}; rename it.`);
    }
    const clash = seen.get(field.flag);
    if (clash !== undefined) {
      throw new TypeError(
        `Config keys "${clash}" and "${key}" both map to the flag ${field.flag}; rename one.`,
      );
    }
    seen.set(field.flag, key);
    const heading = settings.helpGroup ?? groupHeading(field);
    const placeholder = valuePlaceholder(field);
    const option = new Option(placeholder ? `${field.flag} ${placeholder}` : field.flag, optionHelp(field));
    if (field.kind !== "boolean")
      option.argParser((text: string, previous: unknown) => parseFlagValue(field, text, previous));
    if (heading !== undefined) option.helpGroup(heading);
    const negated =
      field.kind === "boolean" ? new Option(`--no-${field.flag.slice(2)}`).hideHelp() : undefined;
    if (field.kind !== "list")
      refuseRepeats(
        command,
        field.flag,
        [option, negated].flatMap((o) => o?.name() ?? []),
      );
    command.addOption(option);
    if (negated !== undefined) {
      negatable.add(option);
      command.addOption(negated);
    }
    bindings.push({ field, attribute: option.attributeName() });
  }
  if (settings.configFlag !== false) {
    const option = new Option(`${CONFIG_FLAG} <file>`, configFlagHelp(fields));
    refuseRepeats(command, CONFIG_FLAG, [option.name()]);
    command.addOption(option);
  }
  return bindings;
}

/** The values given as flags on the command line, by field. */
export function flagValues(command: Command, bindings: readonly FlagBinding[]): Map<ConfigField, unknown> {
  const values = new Map<ConfigField, unknown>();
  for (const { field, attribute } of bindings) {
    if (command.getOptionValueSource(attribute) === "cli")
      values.set(field, command.getOptionValue(attribute));
  }
  return values;
}

/** The `--config` path given on the command line, if any. */
export function configFilePath(command: Command): string | undefined {
  const value: unknown = command.getOptionValue("config");
  return typeof value === "string" ? value : undefined;
}

/**
 * Throw when arguments were given that are not flags (config commands take none); `yes` after a boolean flag
 * of `fields` in `argv` is that flag given a value.
 */
export function checkNoArguments(
  command: Command,
  argv: readonly string[],
  fields: readonly ConfigField[],
): void {
  const [first] = command.args;
  if (first !== undefined) {
    const booleanValue = booleanValueGiven(argv, first, fields);
    if (booleanValue !== undefined) throw booleanValue;
    throw new ConfigError(`unexpected argument ${formatFlagValue(first)} (flags start with --)`, {
      kind: "unexpected-argument",
    });
  }
}

/**
 * Translate commander's errors into one-line {@link ConfigError}s naming the flag; other errors pass through.
 * `expectations` maps a flag to what it expects ("a number"), for "got no value" messages.
 */
export function fromCommanderError(
  error: unknown,
  fields: readonly ConfigField[],
  expectations: ReadonlyMap<string, string> = new Map(),
): unknown {
  if (!(error instanceof CommanderError)) return error;
  const text = error.message.replace(/^error: /, "");
  switch (error.code) {
    case "commander.unknownOption": {
      const flag = /unknown option '([^']+)'/.exec(text)?.[1] ?? text;
      const [name] = flag.split("=");
      const field = fields.find((f) => f.flag === name);
      if (field?.kind === "boolean" && flag.includes("=")) return booleanTakesNoValue(field);
      const suggestion = /Did you mean (.+?)\?/.exec(text)?.[1];
      const hint = suggestion === undefined ? "" : ` (did you mean ${suggestion}?)`;
      return new ConfigError(`unknown flag ${flag}${hint}`, { kind: "unknown-flag", flag });
    }
    case "commander.optionMissingArgument": {
      const flag = /option '(\S+)/.exec(text)?.[1] ?? "";
      const field = fields.find((f) => f.flag === flag);
      const expected = field === undefined ? expectations.get(flag) : expectation(field);
      return new ConfigError(`${flag}: expected ${expected ?? "a value"}, got no value`, {
        kind: "missing-value",
        flag,
      });
    }
    case "commander.unknownCommand": {
      const name = /unknown command '([^']+)'/.exec(text)?.[1] ?? text;
      const suggestion = /Did you mean (.+?)\?/.exec(text)?.[1];
      const hint = suggestion === undefined ? "" : ` (did you mean ${suggestion}?)`;
      return new ConfigError(`unknown command ${formatFlagValue(name)}${hint}`, { kind: "unknown-command" });
    }
    default:
      return new ConfigError(text.replace(/\s*\n\s*/g, " "), { kind: "invalid-config" });
  }
}

function optionHelp(field: ConfigField): string {
  const extras = [typeSummary(field)];
  if (field.hasDefault) extras.push(`default: ${formatFlagValue(field.defaultValue)}`);
  else if (field.required) extras.push("required");
  return `${field.description ?? ""} (${extras.join("; ")})`.trim();
}

function groupHeading(field: ConfigField): string | undefined {
  const [top, inner] = field.path;
  if (top === undefined || inner === undefined) return undefined;
  const flags = `--${toFlagName(top)}.*`;
  return field.groupDescription === undefined ? `${flags} options:` : `${field.groupDescription} (${flags}):`;
}
