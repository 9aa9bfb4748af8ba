import { sameValue } from "@tablepipe/core/internal";
import type { ColumnTable } from "arquero";
import * as z from "zod";
import { columnValues } from "./internal/columns";
import { visibleRows } from "./internal/rows";

/** A scalar a lookup predicate compares cells with. */
export type PredicateValue = string | number | boolean;

/**
 * A declarative condition on the rows of a lookup table (data, not a callback, so that it can later be
 * rendered to SQL: `contains` with `ignoreCase` is `LOWER(col) LIKE '%airport%'`).
 *
 * - `{ column, contains | startsWith | endsWith, ignoreCase? }`: text tests. Numbers and booleans are
 *   tested as their text; `null`, `undefined` and other values never match.
 * - `{ column, equals, ignoreCase? }` and `{ column, in: [...], ignoreCase? }`: equality by value (`1` is
 *   not `"1"`); `ignoreCase` applies to strings.
 * - `{ anyOf: [...] }`, `{ allOf: [...] }`, `{ not: p }`: combinations. A `not` of a test on a missing
 *   cell is true (a missing zone name is "not an airport").
 *
 * @example { column: "zone_name", contains: "airport", ignoreCase: true }
 * @example { anyOf: [{ column: "borough", equals: "EWR" }, { column: "zone_id", in: [132, 138] }] }
 */
export type LookupPredicate =
  | { readonly column: string; readonly contains: string; readonly ignoreCase?: boolean }
  | { readonly column: string; readonly startsWith: string; readonly ignoreCase?: boolean }
  | { readonly column: string; readonly endsWith: string; readonly ignoreCase?: boolean }
  | { readonly column: string; readonly equals: PredicateValue; readonly ignoreCase?: boolean }
  | { readonly column: string; readonly in: readonly PredicateValue[]; readonly ignoreCase?: boolean }
  | { readonly anyOf: readonly LookupPredicate[] }
  | { readonly allOf: readonly LookupPredicate[] }
  | { readonly not: LookupPredicate };

const columnName = z.string().min(1, "expected a non-empty column name");
const ignoreCase = z.boolean().optional();
const scalar = z.union([z.string(), z.number(), z.boolean()]);

/** The zod schema of a {@link LookupPredicate} (strict: a misspelt key is an error). */
export const lookupPredicate: z.ZodType<LookupPredicate, LookupPredicate> = z.lazy(() =>
  z.union([
    z.strictObject({ column: columnName, contains: z.string(), ignoreCase }),
    z.strictObject({ column: columnName, startsWith: z.string(), ignoreCase }),
    z.strictObject({ column: columnName, endsWith: z.string(), ignoreCase }),
    z.strictObject({ column: columnName, equals: scalar, ignoreCase }),
    z.strictObject({ column: columnName, in: z.array(scalar), ignoreCase }),
    z.strictObject({ anyOf: z.array(lookupPredicate) }),
    z.strictObject({ allOf: z.array(lookupPredicate) }),
    z.strictObject({ not: lookupPredicate }),
  ]),
);

/** The lookup columns a predicate reads, in order of first mention. */
export function predicateColumns(predicate: LookupPredicate): string[] {
  const out = new Set<string>();
  const visit = (p: LookupPredicate): void => {
    if ("anyOf" in p) p.anyOf.forEach(visit);
    else if ("allOf" in p) p.allOf.forEach(visit);
    else if ("not" in p) visit(p.not);
    else out.add(p.column);
  };
  visit(predicate);
  return [...out];
}

function asText(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint")
    return String(value);
  return undefined;
}

function textTest(
  test: (text: string, needle: string) => boolean,
  needle: string,
  fold: boolean,
): (value: unknown) => boolean {
  const target = fold ? needle.toLowerCase() : needle;
  return (value) => {
    const text = asText(value);
    return text !== undefined && test(fold ? text.toLowerCase() : text, target);
  };
}

function equalTo(expected: PredicateValue, fold: boolean): (value: unknown) => boolean {
  if (fold && typeof expected === "string") {
    const target = expected.toLowerCase();
    return (value) => typeof value === "string" && value.toLowerCase() === target;
  }
  return (value) => sameValue(value, expected);
}

function cellTest(p: LookupPredicate): ((value: unknown) => boolean) | undefined {
  const fold = "ignoreCase" in p && p.ignoreCase === true;
  if ("contains" in p) return textTest((t, n) => t.includes(n), p.contains, fold);
  if ("startsWith" in p) return textTest((t, n) => t.startsWith(n), p.startsWith, fold);
  if ("endsWith" in p) return textTest((t, n) => t.endsWith(n), p.endsWith, fold);
  if ("equals" in p) return equalTo(p.equals, fold);
  if ("in" in p) {
    const tests = p.in.map((expected) => equalTo(expected, fold));
    return (value) => tests.some((test) => test(value));
  }
  return undefined;
}

/**
 * Evaluate `predicate` on every visible row of `lookup`: one flag per row (1 = matches), in row order.
 * The caller checks that the predicate's columns exist.
 */
export function evaluatePredicate(lookup: ColumnTable, predicate: LookupPredicate): Uint8Array {
  const rows = visibleRows(lookup);
  const evaluate = (p: LookupPredicate): Uint8Array => {
    if ("anyOf" in p || "allOf" in p) {
      const any = "anyOf" in p;
      const parts = (any ? p.anyOf : (p as { allOf: readonly LookupPredicate[] }).allOf).map(evaluate);
      const out = new Uint8Array(rows.length).fill(any ? 0 : 1);
      for (const part of parts) {
        for (let i = 0; i < out.length; ++i) out[i] = any ? out[i]! | part[i]! : out[i]! & part[i]!;
      }
      return out;
    }
    if ("not" in p) {
      const inner = evaluate(p.not);
      for (let i = 0; i < inner.length; ++i) inner[i] = inner[i]! ^ 1;
      return inner;
    }
    const test = cellTest(p)!;
    const values = columnValues(lookup, p.column);
    const out = new Uint8Array(rows.length);
    for (let i = 0; i < rows.length; ++i) out[i] = test(values[rows[i]!]) ? 1 : 0;
    return out;
  };
  return evaluate(predicate);
}
