import type { SqlStepContext } from "@tablepipe/core";

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

/** An ORDER BY term list: each key ascending with nulls first, or descending with nulls last. */
export function orderTerms(
  context: SqlStepContext,
  keys: readonly { readonly column: string; readonly descending?: boolean }[],
): string[] {
  return keys.map(({ column, descending }) =>
    descending === true
      ? `${context.quote(column)} DESC NULLS LAST`
      : `${context.quote(column)} ASC NULLS FIRST`,
  );
}
