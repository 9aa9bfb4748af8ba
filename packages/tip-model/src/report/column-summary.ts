import { formatTimestamp } from "@tablepipe/core";
import type { ColumnTable } from "arquero";
import type { z } from "zod";
import type { ReportColumn } from "./types";

/** The logical type of each column of a row schema: `z.date()` is a time stamp, `z.int()` an int, … */
function schemaTypes(schema: z.ZodObject): Map<string, string> {
  const types = new Map<string, string>();
  for (const [name, field] of Object.entries(schema.shape)) {
    let inner = field as z.ZodType;
    // unwrap optional/nullable/default to the value type
    while ("unwrap" in inner && typeof (inner as { unwrap?: unknown }).unwrap === "function") {
      inner = (inner as unknown as { unwrap(): z.ZodType }).unwrap();
    }
    const def = (inner as unknown as { def: { type: string; format?: string } }).def;
    const type =
      def.type === "date"
        ? "timestamp"
        : def.type === "number"
          ? def.format === "safeint" || def.format === "int32"
            ? "int"
            : "float"
          : def.type === "enum"
            ? "string"
            : def.type;
    types.set(name, type);
  }
  return types;
}

const readableTimestamp = (ms: number): string => formatTimestamp(ms).replace("T", " ");
const numberText = new Intl.NumberFormat("en-US", { maximumFractionDigits: 4, useGrouping: true });

/**
 * A table column by column — type, nulls (NaN counts as null), smallest and largest value as text — for the
 * report's summary of the prepared data. Types come from the row schema where it names the column (so time
 * stamps, held as epoch ms, read as `2018-02-04 18:00:00`), else from the values.
 * @example summarizeColumns(prepared, predictionsSchema)[0] // { name: "vendor_id", type: "int", nulls: 0, min: "1", max: "2" }
 */
export function summarizeColumns(table: ColumnTable, schema?: z.ZodObject): ReportColumn[] {
  const declared = schema === undefined ? new Map<string, string>() : schemaTypes(schema);
  return table.columnNames().map((name) => {
    const values = table.array(name) as ArrayLike<unknown>;
    let nulls = 0;
    let min: number | string | boolean | undefined;
    let max: number | string | boolean | undefined;
    let seen: string | undefined;
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (v === null || v === undefined || (typeof v === "number" && Number.isNaN(v))) {
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
      if (typeof value === "number") return numberText.format(value);
      return String(value);
    };
    return { name, type, nulls, min: text(min), max: text(max) };
  });
}
