import type { LogicalType } from "../schema/logical-types";

/**
 * The kinds of key values, as bits: two key columns whose kinds share no bit can never match (`1` is not
 * `"1"`), which a join reports instead of silently matching nothing. One rule for the in-process steps and
 * the SQL engines' pre-flight.
 */
export const KIND_NUMBER = 1;
export const KIND_STRING = 2;
export const KIND_DATE = 4;
export const KIND_BOOLEAN = 8;
export const KIND_BIGINT = 16;
export const KIND_OTHER = 32;

const KIND_NAMES: readonly [number, string][] = [
  [KIND_NUMBER, "numbers"],
  [KIND_STRING, "strings"],
  [KIND_DATE, "Dates"],
  [KIND_BOOLEAN, "booleans"],
  [KIND_BIGINT, "bigints"],
  [KIND_OTHER, "other values"],
];

/** The kind bit of a non-missing key, or 0 for a missing one (null, undefined, NaN, invalid Date). */
export function keyKind(value: unknown): number {
  switch (typeof value) {
    case "number":
      return !Number.isNaN(value) ? KIND_NUMBER : 0;
    case "string":
      return KIND_STRING;
    case "boolean":
      return KIND_BOOLEAN;
    case "bigint":
      return KIND_BIGINT;
    case "undefined":
      return 0;
    default:
      if (value === null) return 0;
      if (value instanceof Date) return Number.isNaN(value.getTime()) ? 0 : KIND_DATE;
      return KIND_OTHER;
  }
}

/**
 * The kinds of the keys in `values` (at `rows`, when given), as bits; 0 when every key is missing. The scan
 * stops at the first key of a kind in `enough` (default: none, it reads every key).
 */
export function keyKinds(values: ArrayLike<unknown>, rows?: ArrayLike<number>, enough = 0): number {
  let kinds = 0;
  const n = rows === undefined ? values.length : rows.length;
  for (let i = 0; i < n && (kinds & enough) === 0; ++i) {
    kinds |= keyKind(values[rows === undefined ? i : rows[i]!]);
  }
  return kinds;
}

/** "numbers and strings" for a set of kind bits. */
export function describeKinds(kinds: number): string {
  const names = KIND_NAMES.filter(([bit]) => (kinds & bit) !== 0).map(([, name]) => name);
  return names.length > 0 ? names.join(" and ") : "no values";
}

/**
 * The kinds of key a column of `type` may hold in process (the values `valueFits` accepts: an `int` may be a
 * bigint, a `timestamp` a Date), and the kind tablepipe stores it as (numbers: time stamps are epoch
 * milliseconds), which an error names.
 * @example typeKeyKinds("timestamp") // { possible: KIND_NUMBER | KIND_DATE, stored: KIND_NUMBER }
 */
export function typeKeyKinds(type: LogicalType): { readonly possible: number; readonly stored: number } {
  switch (type) {
    case "int":
    case "float":
      return { possible: KIND_NUMBER | KIND_BIGINT, stored: KIND_NUMBER };
    case "timestamp":
    case "date":
      return { possible: KIND_NUMBER | KIND_DATE, stored: KIND_NUMBER };
    case "string":
      return { possible: KIND_STRING, stored: KIND_STRING };
    case "boolean":
      return { possible: KIND_BOOLEAN, stored: KIND_BOOLEAN };
  }
}

/** True when keys of kinds `a` can never equal keys of kinds `b`: both hold a key, and no kind is shared. */
export function kindsNeverMatch(a: number, b: number): boolean {
  return a !== 0 && b !== 0 && (a & b) === 0;
}

/** The error of a `join` whose key `key` holds kinds `left` on the left and `right` on the right, which never match. */
export function joinKeyKindsError(key: string, left: number, right: number): TypeError {
  return new TypeError(
    `join: key "${key}" holds ${describeKinds(left)} on the left but ${describeKinds(right)} ` +
      'on the right, so no key can ever match (1 and "1" are different keys)',
  );
}

/** Where an anti-join against a lookup table looks its keys up, for {@link lookupKeyKindsError}. */
export interface LookupKeys {
  /** The step's name (`excludeMatching`). */
  readonly step: string;
  /** The key column of the table being filtered. */
  readonly column: string;
  /** The lookup table, as the error names it (`lookup table`). */
  readonly lookupLabel: string;
  /** The key column of the lookup table. */
  readonly lookupKey: string;
}

/** The error of an anti-join whose key holds kinds `table` and the lookup's kinds `lookup`, which never match. */
export function lookupKeyKindsError(where: LookupKeys, table: number, lookup: number): TypeError {
  const { step, column, lookupLabel, lookupKey } = where;
  return new TypeError(
    `${step}: key "${column}" holds ${describeKinds(table)} but ${lookupLabel} key "${lookupKey}" ` +
      `holds ${describeKinds(lookup)}, so no key can ever match (1 and "1" are different keys)`,
  );
}
