import { ConfigError } from "./errors";
import type { ConfigField } from "./fields";

/** Why a flag has no effect under a resolved config ("applies to --model gbt, not linear"), or undefined if it has. */
export type FlagCondition<C> = (config: C) => string | undefined;

/**
 * When flags apply, by config key: a key's condition covers its flag (a group key covers every flag of the group).
 * Keys without a condition always apply.
 */
export type FlagConditions<C> = { readonly [K in keyof C & string]?: FlagCondition<C> };

/**
 * Throw a {@link ConfigError} naming the first flag (in the schema's order) given on the command line that
 * `config` ignores, as typed (`--no-stream-read` for a boolean set false), with the reason its condition gives,
 * and the other such flags. Values from a config file are
 * never checked: a file may hold the settings of several modes.
 * @example checkFlagConditions({ num_trees: (c) => c.model === "linear" ? "applies to --model random-forest, not linear" : undefined }, config, flags)
 */
export function checkFlagConditions<C>(
  conditions: FlagConditions<C> | undefined,
  config: C,
  flags: ReadonlyMap<ConfigField, unknown>,
): void {
  if (conditions === undefined) return;
  const lookup: Readonly<Record<string, FlagCondition<C> | undefined>> = conditions;
  const problems: { flag: string; reason: string }[] = [];
  for (const [field, value] of flags) {
    const [top] = field.path;
    const reason = top === undefined ? undefined : lookup[top]?.(config);
    if (reason !== undefined) problems.push({ flag: typedFlag(field, value), reason });
  }
  const [first, ...rest] = problems;
  if (first === undefined) return;
  const more =
    rest.length === 0
      ? ""
      : ` (and ${rest.length} more ${rest.length === 1 ? "flag that does" : "flags that do"} not apply: ${rest.map((p) => p.flag).join(", ")})`;
  throw new ConfigError(`${first.flag}: ${first.reason}${more}`, {
    kind: "inapplicable-flag",
    flag: first.flag,
  });
}

/** The flag as typed: `--no-x` for a boolean given false, else the field's flag. */
export function typedFlag(field: ConfigField, value: unknown): string {
  return field.kind === "boolean" && value === false ? `--no-${field.flag.slice(2)}` : field.flag;
}
