import { columnArray, formatTimestamp, isMissing, type RowSchema } from "@tablepipe/core";
import { numberFormat } from "@tablepipe/core/internal";
import { columnKinds } from "@tablepipe/io";
import type { ColumnTable } from "arquero";
import type { ReportColumn } from "./types";

/** The logical type of each column a row schema names, as `columnKinds` reads it (an enum is a string). */
function schemaTypes(schema: RowSchema): Map<string, string> {
  return new Map(columnKinds(schema).map((spec) => [spec.name, spec.kind === "enum" ? "string" : spec.kind]));
}

const readableTimestamp = (ms: number): string => formatTimestamp(ms).replace("T", " ");
const numberText = numberFormat({ maximumFractionDigits: 4, useGrouping: true });

/** A typed array of numbers (not of bigints). */
type NumberArray = Exclude<ArrayBufferView & ArrayLike<number>, DataView | BigInt64Array | BigUint64Array>;

function isNumberArray(values: ArrayLike<unknown>): values is NumberArray {
  return (
    ArrayBuffer.isView(values) &&
    !(values instanceof DataView || values instanceof BigInt64Array || values instanceof BigUint64Array)
  );
}

/** What {@link numberArraySummary} finds in a typed column. */
interface NumberArraySummary {
  nulls: number;
  min: number | undefined;
  max: number | undefined;
  seen: string | undefined;
}

/**
 * Nulls (NaN, the only missing value a typed number array holds), smallest and largest value of a typed column,
 * read as a Float64Array (every number column DuckDB gives, most in process; others are copied to one): one loop
 * over arrays of several types would read each element through a slow generic path.
 */
function numberArraySummary(values: NumberArray): NumberArraySummary {
  const numbers = values instanceof Float64Array ? values : Float64Array.from(values);
  let nulls = 0;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < numbers.length; i++) {
    const v = numbers[i] as number;
    if (Number.isNaN(v)) nulls++;
    else {
      if (v < min) min = v;
      if (v > max) max = v;
    }
  }
  const any = nulls < numbers.length;
  return {
    nulls,
    min: any ? min : undefined,
    max: any ? max : undefined,
    seen: any ? "number" : undefined,
  };
}

/**
 * A table column by column — type, nulls (missing values: null, NaN, an invalid Date), smallest and largest value as text — for the
 * report's summary of the prepared data. Types come from the row schema where it names the column (so time
 * stamps, held as epoch ms, read as `2018-02-04 18:00:00`), else from the values.
 * @example summarizeColumns(prepared, predictionsSchema)[0] // { name: "vendor_id", type: "int", nulls: 0, min: "1", max: "2" }
 */
export function summarizeColumns(table: ColumnTable, schema?: RowSchema): ReportColumn[] {
  const declared = schema === undefined ? new Map<string, string>() : schemaTypes(schema);
  return table.columnNames().map((name) => {
    const values = columnArray(table, name);
    let nulls = 0;
    let min: number | string | boolean | undefined;
    let max: number | string | boolean | undefined;
    let seen: string | undefined;
    if (isNumberArray(values)) ({ nulls, min, max, seen } = numberArraySummary(values));
    else
      for (let i = 0; i < values.length; i++) {
        const v = values[i];
        if (isMissing(v)) {
          nulls++;
          continue;
        }
        const value = v as number | string | boolean;
        seen ??= typeof value;
        if (min === undefined || value < min) min = value;
        if (max === undefined || value > max) max = value;
      }
    const type = declared.get(name) ?? (seen === "number" ? "float" : (seen ?? "unknown"));
    const text = (value: number | string | boolean | undefined): string => {
      if (value === undefined) return "";
      if (type === "timestamp" && typeof value === "number") return readableTimestamp(value);
      if (typeof value === "number") return numberText(value);
      return String(value);
    };
    return { name, type, nulls, min: text(min), max: text(max) };
  });
}
