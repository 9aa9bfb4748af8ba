import { setTableRenderer } from "../schema/registry";
import { type DisplayableTable, type DisplaySchema, resolveDisplaySchema } from "./display-schema";
import { formatDisplayValue } from "./format-display";
import { gridText } from "./grid-text";
import { TextBlock } from "./text-block";
import { cutToWidth, displayWidth, padToWidth } from "./text-width";

/** Options of {@link show}. */
export interface ShowOptions {
  /** Column types, when the table does not remember the schema it was read with (which columns are time stamps). */
  schema?: DisplaySchema;
  /** Longest cell text before it is cut with `…`. Default 40. */
  maxWidth?: number;
}

const DEFAULT_ROWS = 20;
const DEFAULT_WIDTH = 40;

/**
 * The first `n` rows of a table as a text grid, the guide's `.show(5)`: time stamps as `2018-02-04 18:00:00`,
 * dates as `2018-02-04`, missing values as `null`, numbers right-aligned, a line break or tab in a cell escaped
 * (`line one\r\nline two`) so that each row stays one line. `console.log(show(trips, 5))`
 * prints it; in the REPL `show(trips, 5)` alone does.
 * @example console.log(show(trips, 5))
 *   // +-------------------+-----------+
 *   // |pickup_datetime    |fare_amount|
 *   // +-------------------+-----------+
 *   // |2018-02-04 18:00:00|       12.5|
 *   // ...
 */
export function show(
  table: DisplayableTable,
  n: number = DEFAULT_ROWS,
  options: ShowOptions = {},
): TextBlock {
  if (!Number.isInteger(n) || n < 0)
    throw new RangeError(`show: n must be an integer >= 0, got ${String(n)}`);
  const maxWidth = options.maxWidth ?? DEFAULT_WIDTH;
  const schema = resolveDisplaySchema(table, options.schema);
  const names = table.columnNames();
  const total = table.numRows();
  const rows = Math.min(n, total);
  const columns = names.map((name) => {
    const values = table.array(name) as ArrayLike<unknown>;
    const type = schema[name]?.type ?? "other";
    const cells: string[] = [];
    // a line break or tab inside a cell is escaped, so that each row stays one line of the grid
    for (let r = 0; r < rows; r++) {
      cells.push(cutToWidth(gridText(formatDisplayValue(values[r], type)), maxWidth));
    }
    const right = type === "int" || type === "float";
    const label = gridText(name);
    const width = Math.max(displayWidth(label), ...cells.map(displayWidth));
    return { name: label, cells, right, width };
  });
  const pad = padToWidth;
  const rule = `+${columns.map((c) => "-".repeat(c.width)).join("+")}+`;
  const lines = [rule, `|${columns.map((c) => pad(c.name, c.width, false)).join("|")}|`, rule];
  for (let r = 0; r < rows; r++) {
    lines.push(`|${columns.map((c) => pad(c.cells[r] ?? "", c.width, c.right)).join("|")}|`);
  }
  lines.push(rule);
  if (names.length === 0) lines.splice(0, lines.length, "(a table without columns)");
  if (total > rows) lines.push(`only showing top ${rows} of ${total} rows`);
  else lines.push(`${total} ${total === 1 ? "row" : "rows"}`);
  return new TextBlock(lines.join("\n"));
}

/** Rows the REPL, `console.log` and `util.inspect` show of a table with a declared schema. */
const INSPECT_ROWS = 10;
setTableRenderer((table) => show(table, INSPECT_ROWS).text);
