import type { CastType, SqlStepContext } from "@tablepipe/core";
import { sortKey } from "./sort-key";

/**
 * The select list of a step that adds or overwrites columns: the input's columns in order, each overwritten
 * one replaced in place by its SQL, the new ones after them, then the row-order column.
 */
export function selectWithColumns(
  context: SqlStepContext,
  computed: Readonly<Record<string, string>>,
): { list: string; columns: string[] } {
  const columns = [...context.columns];
  for (const name of Object.keys(computed)) if (!columns.includes(name)) columns.push(name);
  const items = columns.map((name) => {
    const sql = computed[name];
    return sql === undefined ? context.quote(name) : `${sql} AS ${context.quote(name)}`;
  });
  return { list: [...items, context.rowOrder].join(", "), columns };
}

/** A list of quoted column names, comma-separated. */
export function columnList(context: SqlStepContext, names: readonly string[]): string {
  return names.map((name) => context.quote(name)).join(", ");
}

/**
 * An ORDER BY term list: each key ascending with nulls first, or descending with nulls last; each column as a
 * {@link sortKey} of its type in `types`, so that a float's `-0` comes out of the sort as `-0`.
 */
export function orderTerms(
  context: SqlStepContext,
  keys: readonly { readonly column: string; readonly descending?: boolean }[],
  types: Readonly<Record<string, CastType>>,
): string[] {
  return keys.map(({ column, descending }) => {
    const key = sortKey(context, column, types);
    return descending === true ? `${key} DESC NULLS LAST` : `${key} ASC NULLS FIRST`;
  });
}

/** A window's PARTITION BY list of columns, each a {@link sortKey} (the window sorts by its partitions). */
export function partitionTerms(
  context: SqlStepContext,
  columns: readonly string[],
  types: Readonly<Record<string, CastType>>,
): string {
  return columns.map((column) => sortKey(context, column, types)).join(", ");
}
