import { SQL_DIALECTS, type SqlDialectName, type SqlStepContext, toSql } from "@tablepipe/core";
import type { ColumnTable } from "arquero";
import { ROW_ORDER_COLUMN } from "./row-order";

/** The lookup tables a compiled pipe reads, each with the name of the CTE that numbers its rows. */
export class LookupRelations {
  readonly #names = new Map<ColumnTable, string>();

  /** The CTE name of `table`, registering it on first use. */
  nameOf(table: ColumnTable): string {
    let name = this.#names.get(table);
    if (name === undefined) {
      name = `lookup ${this.#names.size + 1}`;
      this.#names.set(table, name);
    }
    return name;
  }

  /** Every registered table with its CTE name, in registration order. */
  entries(): [ColumnTable, string][] {
    return [...this.#names];
  }
}

/** The context a step's rendering gets: its input CTE and columns, and the dialect's helpers. */
export function stepContext(
  dialect: SqlDialectName,
  input: string,
  columns: readonly string[],
  lookups: LookupRelations,
): SqlStepContext {
  const quote = SQL_DIALECTS[dialect].quoteIdentifier;
  return {
    dialect,
    input: quote(input),
    columns,
    rowOrder: quote(ROW_ORDER_COLUMN),
    quote,
    expr: (expr) => toSql(expr, dialect),
    table: (table) => quote(lookups.nameOf(table)),
  };
}
