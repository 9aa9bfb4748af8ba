import { BitSet, type ColumnTable } from "arquero";

/**
 * The backing-data row numbers of the rows a table shows, in the order it shows them
 * (a filtered view's surviving rows; an ordered table's sort order).
 */
export function visibleRows(table: ColumnTable): Uint32Array {
  if (table.isOrdered()) return table.indices(true);
  const n = table.numRows();
  const rows = new Uint32Array(n);
  const mask = table.mask();
  if (mask) {
    let k = 0;
    for (let i = mask.next(0); i >= 0; i = mask.next(i + 1)) rows[k++] = i;
  } else {
    for (let i = 0; i < n; ++i) rows[i] = i;
  }
  return rows;
}

type TypedArray = Exclude<ReturnType<ColumnTable["array"]>, unknown[]>;

function gatherFloat64(source: Float64Array, rows: Uint32Array): Float64Array {
  const out = new Float64Array(rows.length);
  for (let i = 0; i < rows.length; ++i) out[i] = source[rows[i]!]!;
  return out;
}

function gatherTyped(source: TypedArray, rows: Uint32Array): TypedArray {
  const out = new (source.constructor as new (length: number) => TypedArray)(rows.length);
  for (let i = 0; i < rows.length; ++i) out[i] = source[rows[i]!]!;
  return out;
}

function gatherArray(source: readonly unknown[], rows: Uint32Array): unknown[] {
  const out = new Array<unknown>(rows.length);
  for (let i = 0; i < rows.length; ++i) out[i] = source[rows[i]!];
  return out;
}

function gatherAt(source: { at(row: number): unknown }, rows: Uint32Array): unknown[] {
  const out = new Array<unknown>(rows.length);
  for (let i = 0; i < rows.length; ++i) out[i] = source.at(rows[i]!);
  return out;
}

/**
 * The values of a column at the given backing rows, as a new column of the same kind: a `Float64Array`
 * (or any typed array) stays one. One small loop per column kind keeps each loop monomorphic, which is
 * about three times faster than arquero's `reify(indices)` on mixed columns.
 */
function gather(column: unknown, rows: Uint32Array): unknown[] | TypedArray {
  if (column instanceof Float64Array) return gatherFloat64(column, rows);
  if (Array.isArray(column)) return gatherArray(column, rows);
  if (ArrayBuffer.isView(column) && !(column instanceof DataView))
    return gatherTyped(column as TypedArray, rows);
  return gatherAt(column as { at(row: number): unknown }, rows);
}

/**
 * The rows at `positions` (indices into `rows`, ascending). When at least half of the backing rows survive
 * (and the table is neither ordered nor grouped), a filtered view that shares the input's columns: no column
 * is copied, and the rows it hides are at most as many as it shows. Otherwise a new table with the rows
 * copied column by column: typed columns stay typed, column order and table params are kept; a grouped table
 * keeps its groups (through arquero's `reify`).
 */
export function keepPositions(table: ColumnTable, rows: Uint32Array, positions: Uint32Array): ColumnTable {
  if (positions.length === rows.length && !table.isFiltered() && !table.isOrdered()) return table.create({});
  const selected = rowsAt(rows, positions);
  const mask = viewMask(table, selected);
  return mask === undefined ? takeRows(table, selected) : table.create({ filter: mask });
}

/**
 * A new table holding the backing rows `selected`, in that order (any order, repeats allowed), copied
 * column by column: typed columns stay typed, column order and table params are kept.
 */
export function takeRows(table: ColumnTable, selected: Uint32Array): ColumnTable {
  // reify copies the given backing rows in order and reindexes groups (its type says number[]; it only iterates).
  if (table.isGrouped()) return table.reify(selected as unknown as number[]);
  const names = table.columnNames();
  const data: Record<string, unknown[] | TypedArray> = {};
  for (const name of names) data[name] = gather(table.column(name), selected);
  // `null` removes the input's filter, order and groups (arquero's own reify does the same).
  const none = null as unknown as undefined;
  return table.create({ data, names, filter: none, order: none, groups: none });
}

/**
 * `table.assign(columns)`, the columns given over the rows the table shows (`rows`, from `visibleRows`). A
 * filtered or ordered table is first copied to those rows with typed gathers (`takeRows`): arquero's `assign`
 * would copy it calling a function per cell. A table showing all its rows in order is not copied, and a grouped
 * one is left to arquero (its groups are re-indexed). No columns (an empty mapping) give the table unchanged, as
 * SQL's `SELECT *` does: a new table object over the same columns, rows, order and groups (arquero's `assign({})`
 * would build a table of no rows).
 *
 * @example assignColumns(table, visibleRows(table), { is_late: flags })
 */
export function assignColumns(
  table: ColumnTable,
  rows: Uint32Array,
  columns: Record<string, unknown[] | TypedArray>,
): ColumnTable {
  if (Object.keys(columns).length === 0) return table.create({});
  const whole = !table.isOrdered() && table.numRows() === table.totalRows();
  if (table.isGrouped() || whole) return table.assign(columns);
  return takeRows(table, rows).assign(columns);
}

/**
 * A mask of the backing rows `selected` when they may be shown as a filtered view of `table`: the table is
 * neither ordered nor grouped, `selected` is strictly ascending, and it keeps at least half of the backing
 * rows (the rows a view hides are then at most as many as it shows). Undefined otherwise.
 */
export function viewMask(table: ColumnTable, selected: Uint32Array): BitSet | undefined {
  const backing = table.totalRows();
  if (table.isOrdered() || table.isGrouped() || selected.length * 2 < backing) return undefined;
  for (let i = 1; i < selected.length; ++i) if (selected[i]! <= selected[i - 1]!) return undefined;
  const mask = new BitSet(backing);
  for (let i = 0; i < selected.length; ++i) mask.set(selected[i]!);
  return mask;
}

/** The positions `i` (ascending) where `keep[i]` is non-zero. */
export function positionsOf(keep: Uint8Array): Uint32Array {
  let count = 0;
  for (let i = 0; i < keep.length; ++i) count += keep[i]!;
  const positions = new Uint32Array(count);
  let k = 0;
  for (let i = 0; i < keep.length; ++i) if (keep[i] !== 0) positions[k++] = i;
  return positions;
}

/** The backing rows at `positions` (ascending indices into `rows`): what a filter keeps, as row numbers. */
export function rowsAt(rows: Uint32Array, positions: Uint32Array): Uint32Array {
  const out = new Uint32Array(positions.length);
  for (let i = 0; i < positions.length; ++i) out[i] = rows[positions[i]!]!;
  return out;
}

/**
 * A filter's output from its selector: `select` gets the table's visible rows (backing row numbers) and
 * returns the positions it keeps (ascending indices into them); see {@link keepPositions}.
 */
export function keepSelected(table: ColumnTable, select: (rows: Uint32Array) => Uint32Array): ColumnTable {
  const rows = visibleRows(table);
  return keepPositions(table, rows, select(rows));
}
