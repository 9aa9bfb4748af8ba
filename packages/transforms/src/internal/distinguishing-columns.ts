import type { ColumnValues } from "./columns";

/** Rows looked at to choose the columns. */
const SAMPLE_ROWS = 2048;

function distinctCount(columns: readonly ColumnValues[], rows: Uint32Array, sample: Uint32Array): number {
  const seen = new Set<string>();
  for (const position of sample) {
    const row = rows[position]!;
    let key = "";
    for (const column of columns) key += `${String(column[row])}\u0001`;
    seen.add(key);
  }
  return seen.size;
}

/**
 * The few columns worth hashing to tell the rows apart: on an even sample of rows, the columns with the most
 * distinct values first, as many as it takes to tell apart every sampled row that all columns tell apart,
 * plus one for safety. Only an estimate: hashing them is correct whatever they are, because equal rows
 * are equal in them, and `groupRows` falls back to every column when they tell too few rows apart.
 */
export function distinguishingColumns(columns: readonly ColumnValues[], rows: Uint32Array): ColumnValues[] {
  if (columns.length <= 2 || rows.length < 4 * SAMPLE_ROWS) return [...columns];
  const step = Math.floor(rows.length / SAMPLE_ROWS);
  const sample = Uint32Array.from({ length: SAMPLE_ROWS }, (_, i) => i * step);
  const target = distinctCount(columns, rows, sample);
  const ranked = columns
    .map((column) => ({ column, distinct: distinctCount([column], rows, sample) }))
    .sort((a, b) => b.distinct - a.distinct)
    .map((c) => c.column);
  const chosen: ColumnValues[] = [];
  for (const column of ranked) {
    chosen.push(column);
    if (distinctCount(chosen, rows, sample) >= target) break;
  }
  const extra = ranked[chosen.length];
  if (extra !== undefined) chosen.push(extra);
  return chosen;
}
