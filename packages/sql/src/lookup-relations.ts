import type { ColumnTable } from "arquero";
import type { KnownTypes } from "./step-rendering";

/** One lookup a compiled pipe reads: a table, the column types to load it with, and its CTE's name. */
interface LookupRelation {
  readonly table: ColumnTable;
  readonly types: KnownTypes;
  /** The types as a key: the same types, in any order, give the same key. */
  readonly typesKey: string;
  readonly name: string;
}

/** The key of a set of column types: its entries sorted by column name. */
function typesKeyOf(types: KnownTypes): string {
  return JSON.stringify(
    Object.keys(types)
      .sort()
      .map((name) => [name, types[name]]),
  );
}

/**
 * The lookup tables a compiled pipe reads, each with the name of the CTE that numbers its rows. A lookup is a
 * table with the column types it is loaded with: one table asked for with two sets of types (`union`'s other
 * table with the input's types, a join's right table with its own) is loaded twice, under two names, so each
 * step reads the columns it was rendered for; asked for again with the same types, it is loaded once.
 */
export class LookupRelations {
  readonly #relations: LookupRelation[] = [];
  #reads = 0;

  /** How many times a rendering asked for a table's name (a step that did reads a lookup table). */
  get reads(): number {
    return this.#reads;
  }

  /** The CTE name of `table` loaded with `types`, registering that lookup on first use. */
  nameOf(table: ColumnTable, types: KnownTypes = {}): string {
    this.#reads++;
    const typesKey = typesKeyOf(types);
    const found = this.#relations.find((r) => r.table === table && r.typesKey === typesKey);
    if (found !== undefined) return found.name;
    const name = `lookup ${this.#relations.length + 1}`;
    this.#relations.push({ table, types: { ...types }, typesKey, name });
    return name;
  }

  /** How many lookups are registered. */
  get size(): number {
    return this.#relations.length;
  }

  /** The tables of the lookups registered after the first `size`, in registration order. */
  tablesSince(size: number): ColumnTable[] {
    return this.#relations.slice(size).map((r) => r.table);
  }

  /** Forget the lookups registered after the first `size` (a step that read them does not run in SQL after all). */
  truncate(size: number): void {
    this.#relations.length = Math.min(this.#relations.length, size);
  }

  /** Every registered lookup with its CTE name and load types, in registration order. */
  entries(): [ColumnTable, string, KnownTypes][] {
    return this.#relations.map((r) => [r.table, r.name, r.types]);
  }
}
