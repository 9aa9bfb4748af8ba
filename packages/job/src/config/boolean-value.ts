import { ConfigError } from "./errors";
import type { ConfigField } from "./fields";

/** Words meant as a boolean flag's value when typed after it (`--verbose yes`), in any case. */
const BOOLEAN_WORD = /^(true|false|yes|no|on|off|1|0)$/i;

/**
 * The error for a boolean flag given a value, `--x=false` or `--x yes`: it takes none, `--x` or `--no-x` say it.
 * @example booleanTakesNoValue(verbose).message === "--verbose takes no value: use --verbose or --no-verbose"
 */
export function booleanTakesNoValue(field: ConfigField): ConfigError {
  return new ConfigError(`${field.flag} takes no value: use ${field.flag} or --no-${field.flag.slice(2)}`, {
    kind: "invalid-value",
    flag: field.flag,
  });
}

/**
 * When the stray `word` (an unexpected argument or unknown command) is a boolean word typed right after a
 * boolean flag in `argv` (`--verbose yes`), the error saying the flag takes no value; undefined otherwise.
 */
export function booleanValueGiven(
  argv: readonly string[],
  word: string,
  fields: readonly ConfigField[],
): ConfigError | undefined {
  if (!BOOLEAN_WORD.test(word)) return undefined;
  for (let i = 1; i < argv.length; i++) {
    if (argv[i] !== word) continue;
    const flag = argv[i - 1];
    const field = fields.find(
      (f) => f.kind === "boolean" && (flag === f.flag || flag === `--no-${f.flag.slice(2)}`),
    );
    if (field !== undefined) return booleanTakesNoValue(field);
  }
  return undefined;
}
