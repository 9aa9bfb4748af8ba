import { type DisplayableTable, type DisplaySchema, resolveDisplaySchema } from "./display-schema";
import { TextBlock } from "./text-block";

/**
 * The table's columns with their logical types and nullability, as Spark's `printSchema()` shows them:
 * `root`, then ` |-- pickup_datetime: timestamp (nullable = false)` per column.
 * @example console.log(printSchema(trips))
 */
export function printSchema(table: DisplayableTable, options: { schema?: DisplaySchema } = {}): TextBlock {
  const schema = resolveDisplaySchema(table, options.schema);
  const lines = ["root"];
  for (const name of table.columnNames()) {
    const column = schema[name];
    lines.push(` |-- ${name}: ${column?.type ?? "other"} (nullable = ${column?.nullable ?? true})`);
  }
  return new TextBlock(lines.join("\n"));
}
