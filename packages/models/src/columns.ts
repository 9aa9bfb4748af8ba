import type { ColumnTable } from "arquero";
import { ModelError } from "./params";

/** Which columns a model learns from: the feature columns, in order, and the label column. */
export interface FitSpec {
  /** Numeric feature columns, in the order the model uses them. */
  readonly features: readonly string[];
  /** The numeric label (target) column. */
  readonly label: string;
}

/**
 * Checks what a fit is given: a spec with at least one feature, no duplicates and the label not among
 * the features, and a table with at least one row. Returns the table's number of rows.
 */
export function checkFitInput(context: string, table: ColumnTable, spec: FitSpec): number {
  if (typeof spec !== "object" || spec === null) {
    throw new ModelError(`${context}: fit needs { features, label }`);
  }
  if (!Array.isArray(spec.features) || spec.features.length === 0) {
    throw new ModelError(`${context}: features must be a non-empty array of column names`);
  }
  const seen = new Set<string>();
  for (const name of spec.features) {
    if (typeof name !== "string") {
      throw new ModelError(`${context}: features must be column names, got ${String(name)}`);
    }
    if (seen.has(name)) throw new ModelError(`${context}: feature column "${name}" is listed twice`);
    seen.add(name);
  }
  if (typeof spec.label !== "string") throw new ModelError(`${context}: label must be a column name`);
  if (seen.has(spec.label)) {
    throw new ModelError(`${context}: label column "${spec.label}" is also listed as a feature`);
  }
  const rows = table.numRows();
  if (rows === 0) throw new ModelError(`${context}: cannot fit on a table with no rows`);
  return rows;
}

function describeFeatureValue(value: unknown): string {
  if (typeof value === "string")
    return `string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  if (value instanceof Date)
    return `Date ${Number.isNaN(value.getTime()) ? "Invalid Date" : value.toISOString()}`;
  if (typeof value === "object") return Array.isArray(value) ? "an array" : "an object";
  return `${typeof value} ${String(value)}`;
}

function requireColumn(table: ColumnTable, context: string, role: string, name: string) {
  const column = table.column(name);
  if (column === undefined) {
    const names = table.columnNames();
    const shown = names.length > 30 ? `${names.slice(0, 30).join(", ")}, …` : names.join(", ");
    throw new ModelError(`${context}: ${role} column "${name}" does not exist; columns: ${shown}`);
  }
  return column;
}

/**
 * Copies one numeric column (in the table's row order, honouring filters and orderby) into `out`
 * at `offset`, `offset + stride`, ...; bigint values are converted to numbers.
 * Throws a ModelError naming the column and the first bad row for null, NaN, ±Infinity and non-numbers.
 */
export function copyNumericColumn(
  table: ColumnTable,
  context: string,
  role: string,
  name: string,
  out: Float64Array,
  offset: number,
  stride: number,
): void {
  const column = requireColumn(table, context, role, name);
  const bad = (value: unknown, index: number): number => {
    if (typeof value === "bigint") {
      const number = Number(value);
      if (Number.isFinite(number)) return number;
    }
    if (value === null || value === undefined || (typeof value === "number" && Number.isNaN(value))) {
      throw new ModelError(
        `${context}: ${role} column "${name}" has a missing value (${String(value)}) at row ${index}; ` +
          "drop or impute missing values first",
      );
    }
    if (typeof value === "number") {
      throw new ModelError(
        `${context}: ${role} column "${name}" has a non-finite value (${value}) at row ${index}`,
      );
    }
    throw new ModelError(
      `${context}: ${role} column "${name}" is not numeric: row ${index} holds ${describeFeatureValue(value)}`,
    );
  };
  let k = offset;
  if (!table.isFiltered() && !table.isOrdered() && (Array.isArray(column) || ArrayBuffer.isView(column))) {
    // Plain or typed array backing an unfiltered table: read it directly.
    const rows = table.numRows();
    if (column instanceof Float64Array || column instanceof Float32Array) {
      for (let index = 0; index < rows; index++, k += stride) {
        const value = column[index] as number;
        out[k] = value - value === 0 ? value : bad(value, index);
      }
      return;
    }
    const values = column as unknown as ArrayLike<unknown>;
    for (let index = 0; index < rows; index++, k += stride) {
      const value = values[index];
      // x - x === 0 holds exactly for finite numbers.
      out[k] = typeof value === "number" && value - value === 0 ? value : bad(value, index);
    }
    return;
  }
  let index = 0;
  table.scan((row) => {
    const value: unknown = column.at(row as number);
    out[k] = typeof value === "number" && value - value === 0 ? value : bad(value, index);
    k += stride;
    index += 1;
  }, true);
}

/** Reads the feature columns into one row-major Float64Array (row i, feature f at `i * features.length + f`). */
export function readFeatureMatrix(
  table: ColumnTable,
  context: string,
  features: readonly string[],
): Float64Array {
  const rows = table.numRows();
  const width = features.length;
  const out = new Float64Array(rows * width);
  for (let f = 0; f < width; f++) {
    copyNumericColumn(table, context, "feature", features[f] as string, out, f, width);
  }
  return out;
}

/** Reads one numeric column (a label or a prediction) into a Float64Array. */
export function readNumericColumn(
  table: ColumnTable,
  context: string,
  role: string,
  name: string,
): Float64Array {
  const out = new Float64Array(table.numRows());
  copyNumericColumn(table, context, role, name, out, 0, 1);
  return out;
}
