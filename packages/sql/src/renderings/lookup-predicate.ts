import { type LiteralValue, SQL_DIALECTS, type SqlStepContext } from "@tablepipe/core";

/** The lookup predicate of `excludeMatching` (the shape of `@tablepipe/transforms`' `LookupPredicate`). */
export type PredicateShape =
  | { readonly column: string; readonly contains: string; readonly ignoreCase?: boolean }
  | { readonly column: string; readonly startsWith: string; readonly ignoreCase?: boolean }
  | { readonly column: string; readonly endsWith: string; readonly ignoreCase?: boolean }
  | { readonly column: string; readonly equals: string | number | boolean; readonly ignoreCase?: boolean }
  | {
      readonly column: string;
      readonly in: readonly (string | number | boolean)[];
      readonly ignoreCase?: boolean;
    }
  | { readonly anyOf: readonly PredicateShape[] }
  | { readonly allOf: readonly PredicateShape[] }
  | { readonly not: PredicateShape };

/** The lookup columns a predicate tests, at any depth. */
export function predicateColumns(p: PredicateShape): string[] {
  if ("anyOf" in p) return p.anyOf.flatMap(predicateColumns);
  if ("allOf" in p) return p.allOf.flatMap(predicateColumns);
  if ("not" in p) return predicateColumns(p.not);
  return [p.column];
}

/**
 * A lookup predicate as SQL over the lookup alias `alias`. Each test on one cell is `COALESCE(test, FALSE)`:
 * in process a test on a missing cell is false, so its `not` is true (SQL's `NOT NULL` would be null).
 */
export function predicateSql(p: PredicateShape, alias: string, c: SqlStepContext): string {
  if ("anyOf" in p)
    return p.anyOf.length === 0 ? "FALSE" : `(${p.anyOf.map((q) => predicateSql(q, alias, c)).join(" OR ")})`;
  if ("allOf" in p)
    return p.allOf.length === 0 ? "TRUE" : `(${p.allOf.map((q) => predicateSql(q, alias, c)).join(" AND ")})`;
  if ("not" in p) return `(NOT ${predicateSql(p.not, alias, c)})`;
  const fold = p.ignoreCase === true;
  const cell = `${alias}.${c.quote(p.column)}`;
  const text = fold ? `lower(${cell})` : cell;
  const literal = (value: LiteralValue): string =>
    c.expr({ kind: "literal", value: fold && typeof value === "string" ? value.toLowerCase() : value });
  const test = (() => {
    const d = SQL_DIALECTS[c.dialect];
    if ("contains" in p) return d.contains(text, literal(p.contains));
    if ("startsWith" in p) return d.startsWith(text, literal(p.startsWith));
    if ("endsWith" in p) return d.endsWith(text, literal(p.endsWith));
    const compared = (value: string | number | boolean): string =>
      `${typeof value === "string" ? text : cell} = ${literal(value)}`;
    if ("equals" in p) return compared(p.equals);
    return p.in.length === 0 ? "FALSE" : `(${p.in.map(compared).join(" OR ")})`;
  })();
  return `COALESCE(${test}, FALSE)`;
}
