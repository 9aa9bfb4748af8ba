import type { ColumnTable } from "arquero";
import { table as makeTable } from "arquero";

type TypedArray = Exclude<ReturnType<ColumnTable["array"]>, unknown[]>;
type TypedArrayConstructor = new (length: number) => TypedArray;

/**
 * One output column being filled chunk by chunk: its chunks are kept as they come (typed arrays stay typed)
 * and copied once, into an array of the exact length, at the end.
 */
class ColumnAccumulator {
  private readonly chunks: ArrayLike<unknown>[] = [];
  private length = 0;

  append(values: ArrayLike<unknown>, rows: Uint32Array | undefined, count: number): void {
    if (count === 0) return;
    let chunk: ArrayLike<unknown>;
    if (rows !== undefined) chunk = gather(values, rows);
    else if (values.length === count) chunk = values;
    else
      chunk = isTypedArray(values) ? values.subarray(0, count) : Array.prototype.slice.call(values, 0, count);
    this.chunks.push(chunk);
    this.length += count;
  }

  finish(): ArrayLike<unknown> {
    const first = this.chunks[0];
    if (first === undefined) return [];
    if (this.chunks.length === 1) return first;
    const typed = isTypedArray(first) ? first : undefined;
    if (typed !== undefined && this.chunks.every((c) => isTypedArray(c) && sameKind(c, typed))) {
      const out = new (typed.constructor as TypedArrayConstructor)(this.length);
      let at = 0;
      for (const chunk of this.chunks as TypedArray[]) {
        out.set(chunk as never, at);
        at += chunk.length;
      }
      return out;
    }
    // plain arrays: one native concatenation (a copy loop here reads chunks of every element kind)
    if (this.chunks.every((chunk) => Array.isArray(chunk))) return ([] as unknown[]).concat(...this.chunks);
    const out = new Array<unknown>(this.length);
    let at = 0;
    for (const chunk of this.chunks) for (let i = 0; i < chunk.length; i++) out[at++] = chunk[i];
    return out;
  }
}

/** The values at `rows`, as an array of the same kind. */
function gather(values: ArrayLike<unknown>, rows: Uint32Array): ArrayLike<unknown> {
  if (isTypedArray(values)) {
    const out = new (values.constructor as TypedArrayConstructor)(rows.length);
    for (let i = 0; i < rows.length; i++) out[i] = values[rows[i] as number] as never;
    return out;
  }
  const out = new Array<unknown>(rows.length);
  for (let i = 0; i < rows.length; i++) out[i] = values[rows[i] as number];
  return out;
}

function isTypedArray(values: ArrayLike<unknown>): values is TypedArray {
  return ArrayBuffer.isView(values) && !(values instanceof DataView);
}

function sameKind(a: TypedArray, b: TypedArray): boolean {
  return a.constructor === b.constructor;
}

/** The backing row numbers a filtered or ordered table shows, or undefined when it shows its rows as they are. */
function shownRows(table: ColumnTable): Uint32Array | undefined {
  if (!table.isFiltered() && !table.isOrdered()) return undefined;
  return Uint32Array.from(table.indices(true));
}

/**
 * Concatenates the tables a chunked run produces into one table: typed columns (Float64Array, Int32Array, …)
 * stay typed when every chunk brings the same kind, and become plain arrays otherwise. Every chunk must
 * have the same columns in the same order. Chunks are kept until `finish`, which copies each column once.
 */
export class TableAccumulator {
  private names: readonly string[] | undefined;
  private readonly columns: ColumnAccumulator[] = [];
  private rows = 0;

  /** Append the rows `table` shows (a filtered or ordered view is read through its indices). */
  append(table: ColumnTable): void {
    const names = table.columnNames();
    if (this.names === undefined) {
      this.names = names;
      for (let i = 0; i < names.length; i++) this.columns.push(new ColumnAccumulator());
    } else if (names.length !== this.names.length || names.some((name, i) => name !== this.names?.[i])) {
      throw new Error(`chunks disagree on their columns: ${this.names.join(", ")} then ${names.join(", ")}`);
    }
    const rows = shownRows(table);
    const count = table.numRows();
    names.forEach((name, c) => {
      const column = table.column(name);
      const values = (
        column === undefined
          ? []
          : (asArrayLike(column) ?? Array.from({ length: table.totalRows() }, (_, r) => column.at(r)))
      ) as ArrayLike<unknown>;
      this.columns[c]?.append(values, rows, count);
    });
    this.rows += count;
  }

  /** Rows appended so far. */
  get numRows(): number {
    return this.rows;
  }

  /** The concatenated table; `columns` names the columns when no chunk came. */
  finish(columns: readonly string[]): ColumnTable {
    const names = this.names ?? columns;
    const data: Record<string, ArrayLike<unknown>> = {};
    names.forEach((name, c) => {
      data[name] = this.columns[c]?.finish() ?? [];
    });
    return makeTable(data, [...names]);
  }
}

function asArrayLike(column: { at(row: number): unknown }): ArrayLike<unknown> | undefined {
  if (Array.isArray(column) || ArrayBuffer.isView(column)) return column as unknown as ArrayLike<unknown>;
  const toArray = (column as { toArray?: () => unknown }).toArray;
  const array = typeof toArray === "function" ? toArray.call(column) : undefined;
  return Array.isArray(array) || ArrayBuffer.isView(array) ? (array as ArrayLike<unknown>) : undefined;
}
