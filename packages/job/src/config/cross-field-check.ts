import type * as z from "zod";
import { formatFlagValue } from "./field-text";

/**
 * The key of a refinement's `params` that {@link crossFieldCheck} fills and the config's errors read: a
 * registered symbol, so that a copy of this package bundled elsewhere reads it too, and a `ZodError`'s JSON
 * message leaves it out (it shows the `fields`).
 */
const CROSS_FIELD_CHECK = Symbol.for("tablepipe.crossFieldCheck");

/** What {@link crossFieldCheck} leaves in a refinement's issue, for {@link crossFieldCheckOf}. */
export interface CrossFieldCheck {
  /** The fields the check reads, each as its keys from the root (`["random_forest", "num_trees"]`). */
  readonly paths: readonly (readonly string[])[];
  /** The message, from each field's name and value in the order of the paths. */
  readonly message: (names: readonly string[]) => string;
}

/** The params {@link crossFieldCheck} gives zod's `.refine`. */
export interface CrossFieldCheckParams {
  /** The issue is on the first field. */
  path: string[];
  /** The keys, as `fields`, beside what the config's errors read. */
  params: Record<PropertyKey, unknown>;
  error: (issue: { readonly input?: unknown }) => string;
}

/**
 * The params of a zod `.refine` that checks config fields against each other, so that its message names each
 * field as it was given, with its value: on the command line, the flag (`--history-start-month "201811"`, a
 * default as `--history-end-month "201811" (the default)`); from a config file, its key (the message then starts
 * with the file's path, as the file's other errors); in code (`schema.parse(...)`), the config key. `keys` are
 * config keys, a group's field dotted (`"random_forest.num_trees"`); `message` gets one name per key, in order.
 * The issue is on the first key's path.
 * @example
 * z.object({ low: z.number().default(1), high: z.number().default(2) })
 *   .refine((c) => c.low < c.high, crossFieldCheck(["low", "high"], (low, high) => `${low} must be below ${high}`))
 * // --low 5: `--low 5 must be below --high 2 (the default)`; schema.parse({ low: 5 }): `low 5 must be below high 2`
 */
export function crossFieldCheck<const K extends readonly [string, ...string[]]>(
  keys: K,
  message: (...names: { [I in keyof K]: string }) => string,
): CrossFieldCheckParams {
  const paths = keys.map((key) => key.split("."));
  const render = (names: readonly string[]): string => (message as (...names: string[]) => string)(...names);
  const check: CrossFieldCheck = { paths, message: render };
  return {
    path: [...(paths[0] ?? [])],
    params: { fields: [...keys], [CROSS_FIELD_CHECK]: check },
    error: (issue) =>
      render(keys.map((key, i) => `${key} ${formatFlagValue(valueAt(issue.input, paths[i] ?? []))}`)),
  };
}

/** The cross-field check an issue came from, or undefined for any other issue. */
export function crossFieldCheckOf(issue: z.core.$ZodIssue): CrossFieldCheck | undefined {
  if (issue.code !== "custom") return undefined;
  const params: Record<PropertyKey, unknown> | undefined = issue.params;
  const check = params?.[CROSS_FIELD_CHECK];
  return isCrossFieldCheck(check) ? check : undefined;
}

function isCrossFieldCheck(value: unknown): value is CrossFieldCheck {
  return (
    typeof value === "object" &&
    value !== null &&
    Array.isArray((value as CrossFieldCheck).paths) &&
    typeof (value as CrossFieldCheck).message === "function"
  );
}

function valueAt(value: unknown, path: readonly string[]): unknown {
  let current = value;
  for (const part of path) {
    current =
      typeof current === "object" && current !== null
        ? (current as Record<string, unknown>)[part]
        : undefined;
  }
  return current;
}
