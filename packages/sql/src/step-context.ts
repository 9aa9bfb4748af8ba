import { SQL_DIALECTS, type SqlDialectName, type SqlStepContext, toSql } from "@tablepipe/core";
import type { ColumnTable } from "arquero";
import { ROW_ORDER_COLUMN } from "./row-order";
import type { KnownTypes } from "./step-rendering";

/** The lookup tables a compiled pipe reads, each with the name of the CTE that numbers its rows. */
export class LookupRelations {
  readonly #names = new Map<ColumnTable, string>();
  readonly #types = new Map<ColumnTable, KnownTypes>();
  #reads = 0;

  /** How many times a rendering asked for a table's name (a step that did reads a lookup table). */
  get reads(): number {
    return this.#reads;
  }

  /** The CTE name of `table`, registering it on first use; `types` are the column types to load it with. */
  nameOf(table: ColumnTable, types: KnownTypes = {}): string {
    this.#reads++;
    let name = this.#names.get(table);
    if (name === undefined) {
      name = `lookup ${this.#names.size + 1}`;
      this.#names.set(table, name);
    }
    this.#types.set(table, { ...this.#types.get(table), ...types });
    return name;
  }

  /** How many tables are registered. */
  get size(): number {
    return this.#names.size;
  }

  /** The tables registered after the first `size`, in registration order. */
  tablesSince(size: number): ColumnTable[] {
    return [...this.#names.keys()].slice(size);
  }

  /** Forget the tables registered after the first `size` (a step that read them does not run in SQL after all). */
  truncate(size: number): void {
    for (const table of this.tablesSince(size)) {
      this.#names.delete(table);
      this.#types.delete(table);
    }
  }

  /** Every registered table with its CTE name and load types, in registration order. */
  entries(): [ColumnTable, string, KnownTypes][] {
    return [...this.#names].map(([table, name]) => [table, name, this.#types.get(table) ?? {}]);
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
