/**
 * The value rules of a schema column (zod checks: `.min()`, `.positive()`, `.max()`, `.multipleOf()`, lengths,
 * `.regex()`, `z.email()` and the other string formats, `.refine()`), described once when a read starts (or a
 * `typedTable` checks a table) and checked on the typed values after parsing. A rule is plain data (it crosses to the worker threads of a
 * parallel read), except a refinement, which keeps zod's check and so is checked on the calling thread only.
 */

import { formatTimestamp } from "../time/timestamp";

/** A zod check as the rules read it (zod 4's `_zod.def` and `_zod.check`). */
interface ZodCheckNode {
  _zod: { def: CheckDef; check?: (payload: { value: unknown; issues: unknown[] }) => unknown };
}

/** The fields of a zod check definition the rules read. */
export interface CheckDef {
  check?: string;
  format?: string;
  value?: unknown;
  inclusive?: boolean;
  minimum?: number;
  maximum?: number;
  length?: number;
  pattern?: RegExp;
  prefix?: string;
  suffix?: string;
  includes?: string;
  error?: (issue?: unknown) => unknown;
  fn?: (value: unknown) => unknown;
}

/** One rule a column's values must keep, with its words for messages (`at least 0`). */
export type ValueRule =
  | {
      readonly kind: "bound";
      readonly words: string;
      readonly side: "min" | "max";
      readonly limit: number;
      readonly inclusive: boolean;
    }
  | { readonly kind: "multiple"; readonly words: string; readonly step: number }
  | { readonly kind: "length"; readonly words: string; readonly min: number; readonly max: number }
  | { readonly kind: "pattern"; readonly words: string; readonly pattern: RegExp }
  | {
      readonly kind: "refinement";
      readonly words: string;
      /** The zod check (a function: never sent to a worker thread). */
      readonly check: ZodCheckNode;
      /** True when the refinement sits outside `.nullable()`/`.optional()`: zod calls it for `null` too. */
      readonly nulls: boolean;
    }
  | { readonly kind: "uncheckable"; readonly words: string };

const NUMBER_FORMAT_RANGES: Record<string, [number, number]> = {
  int32: [-2147483648, 2147483647],
  uint32: [0, 4294967295],
  float32: [-3.4028234663852886e38, 3.4028234663852886e38],
};

const FORMAT_WORDS: Record<string, string> = {
  email: "an email address",
  lowercase: "in lower case",
  uppercase: "in upper case",
  url: "a URL",
  uuid: "a UUID",
  guid: "a GUID",
  ipv4: "an IPv4 address",
  ipv6: "an IPv6 address",
  datetime: "an ISO date-time",
  date: "an ISO date",
  time: "an ISO time",
};

function limitText(limit: number, timestamp: boolean): string {
  return timestamp ? formatTimestamp(limit).replace("T", " ") : String(limit);
}

function characters(n: number): string {
  return `${n} character${n === 1 ? "" : "s"}`;
}

/** The message a refinement was given (`.refine(fn, "must be even")`), if any. */
function refinementMessage(def: CheckDef): string | undefined {
  try {
    const error = def.error?.();
    if (typeof error === "string") return error;
    if (typeof error === "object" && error !== null && "message" in error) {
      const message = (error as { message: unknown }).message;
      if (typeof message === "string") return message;
    }
  } catch {
    // a message function that needs the issue: no fixed words
  }
  return undefined;
}

/**
 * The rules of one zod check (or of a leaf that is itself a check, such as `z.email()` or `z.int32()`), for a
 * column of `kind`; `outsideNullable` when the check sits on a `.nullable()`/`.optional()` layer.
 */
export function rulesOfCheck(node: ZodCheckNode, timestamp: boolean, outsideNullable: boolean): ValueRule[] {
  const def = node._zod.def;
  switch (def.check) {
    case undefined:
      return [];
    case "greater_than":
    case "less_than": {
      const raw = def.value;
      const limit = raw instanceof Date ? raw.getTime() : Number(raw);
      const side = def.check === "greater_than" ? "min" : "max";
      const inclusive = def.inclusive === true;
      const at = limitText(limit, timestamp);
      const words = timestamp
        ? `${side === "min" ? (inclusive ? "at or after" : "after") : inclusive ? "at or before" : "before"} ${at}`
        : `${side === "min" ? (inclusive ? "at least" : "greater than") : inclusive ? "at most" : "less than"} ${at}`;
      return [{ kind: "bound", words, side, limit, inclusive }];
    }
    case "multiple_of":
      return [{ kind: "multiple", words: `a multiple of ${String(def.value)}`, step: Number(def.value) }];
    case "number_format": {
      const range = def.format === undefined ? undefined : NUMBER_FORMAT_RANGES[def.format];
      if (range === undefined) return []; // safeint / float64: the parse already holds the value to them
      const words = `within the ${def.format} range ${range[0]} to ${range[1]}`;
      return [
        { kind: "bound", words, side: "min", limit: range[0], inclusive: true },
        { kind: "bound", words, side: "max", limit: range[1], inclusive: true },
      ];
    }
    case "min_length":
      return [
        {
          kind: "length",
          words: `at least ${characters(def.minimum ?? 0)}`,
          min: def.minimum ?? 0,
          max: Number.POSITIVE_INFINITY,
        },
      ];
    case "max_length":
      return [
        { kind: "length", words: `at most ${characters(def.maximum ?? 0)}`, min: 0, max: def.maximum ?? 0 },
      ];
    case "length_equals":
      return [
        {
          kind: "length",
          words: `exactly ${characters(def.length ?? 0)}`,
          min: def.length ?? 0,
          max: def.length ?? 0,
        },
      ];
    case "string_format":
      return [formatRule(node, def)];
    case "custom": {
      const message = refinementMessage(def);
      const name = def.fn?.name;
      const words =
        message !== undefined
          ? `the refinement "${message}"`
          : `the refinement ${name !== undefined && name !== "" ? name : "(a .refine() without a message)"}`;
      return [{ kind: "refinement", words, check: node, nulls: outsideNullable }];
    }
    case "overwrite":
      return [
        {
          kind: "uncheckable",
          words:
            "a transformation (.trim(), .toLowerCase(), .toUpperCase(), .normalize() or .overwrite()) changes values, and a table's values are checked, never changed; transform the column after reading",
        },
      ];
    default:
      return [
        {
          kind: "uncheckable",
          words: `the zod check "${def.check}" does not apply to a column of a table file`,
        },
      ];
  }
}

function formatRule(node: ZodCheckNode, def: CheckDef): ValueRule {
  const format = def.format ?? "format";
  let words: string;
  if (format === "regex") words = `matching ${String(def.pattern)}`;
  else if (format === "starts_with") words = `starting with ${JSON.stringify(def.prefix)}`;
  else if (format === "ends_with") words = `ending with ${JSON.stringify(def.suffix)}`;
  else if (format === "includes") words = `containing ${JSON.stringify(def.includes)}`;
  else words = FORMAT_WORDS[format] ?? `a valid ${format}`;
  if (def.pattern instanceof RegExp) return { kind: "pattern", words, pattern: def.pattern };
  // a format zod checks with code, not a pattern (e.g. a URL): zod's own check, as for a refinement
  return { kind: "refinement", words, check: node, nulls: false };
}

/** True when a rule can be sent to a worker thread (a refinement holds a function, which cannot). */
export function crossesThreads(rule: ValueRule): boolean {
  return rule.kind !== "refinement";
}

/** A compiled rule: false when the (non-missing) value breaks it. */
export type RuleTest = (value: unknown) => boolean;

/** Whether `value` is a multiple of `step`, with the float tolerance zod allows (0.3 is a multiple of 0.1). */
function isMultiple(value: number, step: number): boolean {
  if (Number.isInteger(value) && Number.isInteger(step)) return value % step === 0;
  const ratio = value / step;
  return Math.abs(ratio - Math.round(ratio)) <= 1e-9 * Math.max(1, Math.abs(ratio));
}

/** Run a zod check on one value; true when it raises no issue. An async refinement cannot be checked here. */
function passesZodCheck(check: ZodCheckNode, value: unknown, words: string): boolean {
  const payload = { value, issues: [] as unknown[] };
  const result = check._zod.check?.(payload);
  if (result instanceof Promise) {
    result.catch(() => undefined);
    throw new TypeError(`${words} is asynchronous: a schema's refinements are checked synchronously only`);
  }
  return payload.issues.length === 0;
}

/** Compile a rule for the values of a column (time stamps are epoch milliseconds; a refinement sees a Date). */
export function compileRule(rule: ValueRule, timestamp: boolean): RuleTest {
  switch (rule.kind) {
    case "bound": {
      const { limit } = rule;
      if (rule.side === "min")
        return rule.inclusive ? (v) => (v as number) >= limit : (v) => (v as number) > limit;
      return rule.inclusive ? (v) => (v as number) <= limit : (v) => (v as number) < limit;
    }
    case "multiple": {
      const { step } = rule;
      return (v) => isMultiple(v as number, step);
    }
    case "length": {
      const { min, max } = rule;
      return (v) => {
        const n = (v as string).length;
        return n >= min && n <= max;
      };
    }
    case "pattern": {
      const { pattern } = rule;
      return (v) => {
        pattern.lastIndex = 0;
        return pattern.test(v as string);
      };
    }
    case "refinement": {
      const { check, words } = rule;
      return timestamp
        ? (v) => passesZodCheck(check, v === null ? null : new Date(v as number), words)
        : (v) => passesZodCheck(check, v, words);
    }
    case "uncheckable":
      return () => true;
  }
}
