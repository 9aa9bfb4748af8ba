import { isMissing } from "../values/is-missing";
import {
  type DisplayableTable,
  type DisplaySchema,
  type DisplayType,
  resolveDisplaySchema,
} from "./display-schema";
import { formatDisplayValue } from "./format-display";
import { show } from "./show";
import { TextBlock } from "./text-block";

/** What {@link describe} says about one column. */
export interface ColumnSummary {
  readonly column: string;
  readonly type: DisplayType;
  /** Missing values (null, undefined, NaN, an invalid Date). */
  readonly nulls: number;
  /** The smallest and largest present value (numbers, time stamps as epoch milliseconds, strings by code unit); null when none. */
  readonly min: number | string | boolean | null;
  readonly max: number | string | boolean | null;
  /** Distinct present values. */
  readonly distinct: number;
}

/** The summary of every column, readable as a grid (`console.log(describe(table))`). */
export class TableDescription extends TextBlock {
  constructor(
    /** One summary per column, in table order. */
    readonly columns: readonly ColumnSummary[],
    /** Rows in the table. */
    readonly rows: number,
    text: string,
  ) {
    super(text);
  }
}

type Comparable = number | string | boolean;

function comparable(value: unknown): Comparable | undefined {
  if (value instanceof Date) return value.getTime();
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  if (typeof value === "bigint") return Number(value);
  return undefined;
}

function summarize(column: string, type: DisplayType, values: ArrayLike<unknown>): ColumnSummary {
  let nulls = 0;
  let min: Comparable | null = null;
  let max: Comparable | null = null;
  const seen = new Set<unknown>();
  for (let i = 0; i < values.length; i++) {
    const raw = values[i];
    if (isMissing(raw)) {
      nulls++;
      continue;
    }
    const v = comparable(raw);
    seen.add(v ?? raw);
    if (v === undefined) continue;
    if (min === null || v < min) min = v;
    if (max === null || v > max) max = v;
  }
  return { column, type, nulls, min, max, distinct: seen.size };
}

/**
 * Per column: type, missing values, min, max and distinct count — time stamps shown as `2018-02-04 18:00:00`.
 * The result is a grid when printed, and holds the figures in `columns`.
 * @example describe(trips).columns.find((c) => c.column === "fare_amount")?.max
 */
export function describe(
  table: DisplayableTable,
  options: { schema?: DisplaySchema } = {},
): TableDescription {
  const schema = resolveDisplaySchema(table, options.schema);
  const columns = table
    .columnNames()
    .map((name) => summarize(name, schema[name]?.type ?? "other", table.array(name) as ArrayLike<unknown>));
  const text = (value: Comparable | null, type: DisplayType): string | null =>
    value === null ? null : formatDisplayValue(value, type);
  const grid = {
    numRows: () => columns.length,
    columnNames: () => ["column", "type", "nulls", "min", "max", "distinct"],
    array: (name: string): unknown[] =>
      columns.map((c) => {
        if (name === "min") return text(c.min, c.type);
        if (name === "max") return text(c.max, c.type);
        return c[name as "column" | "type" | "nulls" | "distinct"];
      }),
  };
  const lines = show(grid, columns.length, {
    schema: { column: "string", type: "string", nulls: "int", min: "string", max: "string", distinct: "int" },
  }).text.split("\n");
  lines[lines.length - 1] = `a table of ${table.numRows()} ${table.numRows() === 1 ? "row" : "rows"}`;
  return new TableDescription(columns, table.numRows(), lines.join("\n"));
}
