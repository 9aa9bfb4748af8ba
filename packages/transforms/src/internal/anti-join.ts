import { col, type ExprNode, isIn, isNull, not, or, requireColumns, type TableSchema } from "@tablepipe/core";
import { keyKinds, kindsNeverMatch, lookupKeyKindsError } from "@tablepipe/core/internal";
import type { ColumnTable } from "arquero";
import { evaluatePredicate, type LookupPredicate, predicateColumns } from "../lookup-predicate";
import { columnValues } from "./columns";
import { KeySet } from "./key-set";
import { keepSelected, visibleRows } from "./rows";

/** What an anti-join against the matching rows of a lookup table needs. */
export interface AntiJoinSpec {
  /** The key column of the table being filtered. */
  readonly column: string;
  readonly lookup: ColumnTable;
  /** The key column of the lookup table. */
  readonly lookupKey: string;
  /** Which lookup rows count (every row when undefined). */
  readonly where: LookupPredicate | undefined;
  /** The step name for errors; `lookupLabel` names the lookup table in them. */
  readonly step: string;
  readonly lookupLabel: string;
}

/** Throw a `MissingColumnsError` naming the lookup table unless it has the key and the predicate's columns. */
export function requireLookupColumns(spec: AntiJoinSpec): void {
  const { lookup, lookupKey, where, step, lookupLabel } = spec;
  requireColumns(
    lookup,
    [lookupKey, ...(where === undefined ? [] : predicateColumns(where))],
    `${step}: ${lookupLabel}`,
  );
}

/**
 * The keys of a lookup table's rows matching `where`, kept per table (arquero tables are immutable): a
 * streamed read runs the step on every batch with the same lookup table. The lookup's columns are checked
 * when they are first read.
 */
const matchingKeysByLookup = new WeakMap<ColumnTable, Map<string, KeySet>>();

function matchingKeys(spec: AntiJoinSpec): KeySet {
  const { lookup, lookupKey, where } = spec;
  let byRequest = matchingKeysByLookup.get(lookup);
  if (byRequest === undefined) {
    byRequest = new Map();
    matchingKeysByLookup.set(lookup, byRequest);
  }
  const request = JSON.stringify([lookupKey, where ?? null]);
  const known = byRequest.get(request);
  if (known !== undefined) return known;
  requireLookupColumns(spec);
  const lookupRows = visibleRows(lookup);
  const lookupKeys = columnValues(lookup, lookupKey);
  const matches =
    where === undefined ? new Uint8Array(lookupRows.length).fill(1) : evaluatePredicate(lookup, where);
  const excluded = new KeySet();
  for (let i = 0; i < lookupRows.length; ++i) if (matches[i] === 1) excluded.add(lookupKeys[lookupRows[i]!]);
  byRequest.set(request, excluded);
  return excluded;
}

/**
 * Left anti-join: drop the rows of `table` whose key equals the key of at least one lookup row matching
 * `where`. Rows with a missing key, or a key absent from the lookup, are kept; duplicate lookup rows change
 * nothing (the matching keys form a set). Input order is kept.
 */
export function antiJoin(table: ColumnTable, spec: AntiJoinSpec): ColumnTable {
  return keepSelected(table, (rows) => antiJoinPositions(table, rows, spec));
}

/** The positions (indices into `rows`, backing rows of `table`) that {@link antiJoin} keeps. */
export function antiJoinPositions(table: ColumnTable, rows: Uint32Array, spec: AntiJoinSpec): Uint32Array {
  const { column, lookup, lookupKey } = spec;
  const excluded = matchingKeys(spec);
  const keys = columnValues(table, column);
  const keep = new Uint32Array(rows.length);
  let count = 0;
  const mask = keys instanceof Float64Array ? excluded.smallIntegerMask() : undefined;
  if (mask !== undefined) {
    // numbers against a few small whole numbers: one typed read per row (not-a-key numbers read undefined)
    for (let i = 0; i < rows.length; ++i)
      if (mask[(keys as Float64Array)[rows[i]!]!] !== 1) keep[count++] = i;
  } else {
    for (let i = 0; i < rows.length; ++i) if (!excluded.has(keys[rows[i]!])) keep[count++] = i;
  }

  if (count === rows.length && excluded.size > 0) {
    // Nothing matched: say so loudly if it is because the two key columns hold different kinds of values.
    const lookupRows = visibleRows(lookup);
    const tableKinds = keyKinds(keys, rows);
    const lookupKinds = keyKinds(columnValues(lookup, lookupKey), lookupRows);
    if (kindsNeverMatch(tableKinds, lookupKinds)) throw lookupKeyKindsError(spec, tableKinds, lookupKinds);
  }
  return keep.subarray(0, count);
}

/**
 * The rows {@link antiJoin} keeps, as a condition on a table with the `input` column types: the key is
 * missing, or not one of the matching lookup keys. Only for a number key column against number keys (the
 * one case where the two agree on every value: no kind mismatch to report, 0 and -0 alike); undefined
 * otherwise.
 */
export function antiJoinCondition(spec: AntiJoinSpec, input: TableSchema): ExprNode | undefined {
  const type = input[spec.column]?.type;
  if (type !== "int" && type !== "float") return undefined;
  const keys = matchingKeys(spec).numbers();
  if (keys === undefined) return undefined;
  return or(isNull(col(spec.column)), not(isIn(col(spec.column), keys)));
}
