/**
 * Tables as HTML in a Jupyter notebook (Deno's kernel): shape, column types and the first rows, time stamps as
 * readable text; and `runTests`, which runs a notebook's test functions and fails the cell when one fails. The notebooks import it as `./display.ts`; `pnpm test` tests it under Node (test/display.test.ts).
 *
 * A value whose `Symbol.for("Jupyter.display")` method returns a MIME bundle is shown by that bundle when it is
 * the last expression of a cell (or passed to `Deno.jupyter.display`).
 *
 * Tables hold time stamps as epoch milliseconds of the wall-clock time; which columns are time stamps comes from
 * the zod row schema (its `z.date()` fields), e.g. `taxiTripSchema` from @tablepipe/tip-model.
 */
import { formatTimestamp, isTable, type RowSchema } from "@tablepipe/core";
import type { ColumnTable } from "arquero";

/** The key Deno's Jupyter kernel looks up on a value to display it. */
export const JUPYTER_DISPLAY: unique symbol = Symbol.for("Jupyter.display");

/** What a notebook cell can show: a MIME bundle, text/html and text/plain here. */
export interface Displayable {
  [JUPYTER_DISPLAY](): { "text/html": string; "text/plain": string };
}

/** One column as shown: its name, its type in words, and whether its values are time stamps. */
export interface ColumnInfo {
  readonly name: string;
  /** `timestamp`, `int`, `number`, `string`, `boolean`, `enum`, ... ; a `?` suffix when it may be null. */
  readonly type: string;
  readonly timestamp: boolean;
}

export interface ShowOptions {
  /** Row schemas that declare (some of) the columns: their types, and their `z.date()` fields as time stamps. */
  readonly schema?: RowSchema | readonly RowSchema[];
  /** More time-stamp columns (epoch milliseconds), for columns no schema declares. */
  readonly timestamps?: readonly string[];
  /** Only these columns, in this order (default: all). */
  readonly columns?: readonly string[];
  /** How many rows to show (default 10). */
  readonly rows?: number;
  /** A caption before the shape. */
  readonly title?: string;
}

interface ZodLike {
  readonly _zod: {
    readonly def: { readonly type: string; readonly innerType?: unknown; readonly format?: string };
  };
}

const WRAPPERS = new Set(["optional", "nullable", "default", "prefault", "nonoptional", "readonly", "catch"]);

/** The type of one zod field in words (`int`, `timestamp`, ...), with `?` when it accepts null. */
export function schemaFieldType(field: unknown): string {
  let current = field as ZodLike;
  let nullable = false;
  while (WRAPPERS.has(current._zod.def.type) && current._zod.def.innerType !== undefined) {
    if (current._zod.def.type === "nullable") nullable = true;
    current = current._zod.def.innerType as ZodLike;
  }
  const { type, format } = current._zod.def;
  const name =
    type === "date"
      ? "timestamp"
      : type === "number" && (format === "safeint" || format === "int32")
        ? "int"
        : type;
  return nullable ? `${name}?` : name;
}

/** The names of a schema's time-stamp columns: its `z.date()` fields (optional or nullable ones too). */
export function timestampColumns(schema: RowSchema): string[] {
  return Object.entries(schema.shape)
    .filter(([, field]) => schemaFieldType(field).replace(/\?$/, "") === "timestamp")
    .map(([name]) => name);
}

function inferredType(values: readonly unknown[]): string {
  const present = values.filter((v) => v !== null && v !== undefined);
  const kinds = new Set(present.map((v) => (v instanceof Date ? "date" : typeof v)));
  const kind = kinds.size === 1 ? [...kinds][0]! : kinds.size === 0 ? "unknown" : "mixed";
  return present.length < values.length ? `${kind}?` : kind;
}

/**
 * The columns as shown: names, types (from the schemas where they declare the column, else inferred from the
 * values: `number`, `string`, ...), and which hold time stamps.
 */
export function columnInfo(table: ColumnTable, options: ShowOptions = {}): ColumnInfo[] {
  const schemas =
    options.schema === undefined ? [] : Array.isArray(options.schema) ? options.schema : [options.schema];
  const names = options.columns ?? table.columnNames();
  const values = table.objects() as Record<string, unknown>[];
  return names.map((name) => {
    if (!table.columnNames().includes(name)) throw new Error(`no column "${name}" in ${describe(table)}`);
    const schema = (schemas as readonly RowSchema[]).find((s) => Object.hasOwn(s.shape, name));
    const type = schema ? schemaFieldType(schema.shape[name]) : inferredType(values.map((row) => row[name]));
    const timestamp = type.replace(/\?$/, "") === "timestamp" || (options.timestamps ?? []).includes(name);
    return { name, type: timestamp && !type.startsWith("timestamp") ? "timestamp" : type, timestamp };
  });
}

/** A time stamp as `2018-02-04 18:00:00` (`.sss` when the milliseconds are not zero). */
export function formatTime(value: number | Date): string {
  return formatTimestamp(value).replace("T", " ");
}

/** One cell as text: time stamps readable, `null` for missing values, other values as JavaScript prints them. */
export function formatCell(value: unknown, timestamp = false): string {
  if (value === null || value === undefined) return "null";
  if (timestamp && (typeof value === "number" || value instanceof Date)) return formatTime(value);
  if (value instanceof Date) return formatTime(value);
  return typeof value === "string" ? value : String(value);
}

const escapeHtml = (text: string): string =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** `Table: 21 cols x 5,364 rows`, as arquero names a table, with thousands separators. */
export function describe(table: ColumnTable): string {
  const cols = table.numCols();
  const rows = table.numRows();
  return `Table: ${cols} col${cols === 1 ? "" : "s"} x ${rows.toLocaleString("en-US")} row${rows === 1 ? "" : "s"}`;
}

/** The table as an HTML `<table>`: a caption with its shape, a header of names and types, the first rows. */
export function tableHtml(table: ColumnTable, options: ShowOptions = {}): string {
  const limit = options.rows ?? 10;
  const columns = columnInfo(table, options);
  const rows = table.objects({ limit }) as Record<string, unknown>[];
  const shown = rows.length < table.numRows() ? ` (first ${rows.length} shown)` : "";
  const caption = `${options.title ? `${escapeHtml(options.title)}: ` : ""}${describe(table)}${shown}`;
  const head = columns
    .map(
      (c) =>
        `<th style="text-align:left">${escapeHtml(c.name)}<br><span style="font-weight:normal;opacity:0.7">${escapeHtml(c.type)}</span></th>`,
    )
    .join("");
  const body = rows
    .map((row, i) => {
      const cells = columns.map((c) => {
        const value = row[c.name];
        const align = typeof value === "number" && !c.timestamp ? "right" : "left";
        return `<td style="text-align:${align};white-space:nowrap">${escapeHtml(formatCell(value, c.timestamp))}</td>`;
      });
      return `<tr><th>${i}</th>${cells.join("")}</tr>`;
    })
    .join("\n");
  return [
    `<table class="tablepipe">`,
    `<caption style="text-align:left">${caption}</caption>`,
    `<thead><tr><th></th>${head}</tr></thead>`,
    `<tbody>\n${body}\n</tbody>`,
    `</table>`,
  ].join("\n");
}

/** The table as plain text (for outputs that cannot show HTML): its shape, then `name: type` per column. */
export function tableText(table: ColumnTable, options: ShowOptions = {}): string {
  const columns = columnInfo(table, options);
  return `[${describe(table)}]\n${columns.map((c) => `  ${c.name}: ${c.type}`).join("\n")}`;
}

/**
 * Show a table in the notebook: make it the last expression of a cell.
 * @example show(job.tables.training, { schema: taxiTripSchema, rows: 5 })
 */
export function show(table: unknown, options: ShowOptions = {}): Displayable {
  if (!isTable(table)) throw new TypeError(`show() takes an arquero table, got ${typeof table}`);
  const html = tableHtml(table, options);
  const text = tableText(table, options);
  return { [JUPYTER_DISPLAY]: () => ({ "text/html": html, "text/plain": text }) };
}

/** Show `[name, value]` pairs (metrics, row counts) as a two-column HTML table. */
export function showPairs(title: string, pairs: Record<string, unknown>): Displayable {
  const rows = Object.entries(pairs).map(
    ([k, v]) =>
      `<tr><th style="text-align:left">${escapeHtml(k)}</th><td style="text-align:right">${escapeHtml(formatCell(v))}</td></tr>`,
  );
  const html = `<table><caption style="text-align:left">${escapeHtml(title)}</caption>\n${rows.join("\n")}\n</table>`;
  const text = `${title}\n${Object.entries(pairs)
    .map(([k, v]) => `  ${k}: ${formatCell(v)}`)
    .join("\n")}`;
  return { [JUPYTER_DISPLAY]: () => ({ "text/html": html, "text/plain": text }) };
}

/** A test written in a notebook: throws (an assertion) when it fails. The same function fits vitest's `it(name, fn)`. */
export type TestFunction = () => void | Promise<void>;

/** How one test went. */
export interface TestResult {
  readonly name: string;
  readonly error: string | undefined;
  readonly ms: number;
}

/**
 * Run a notebook's tests, each by its name, in order. Shows one row per test when all pass; throws an Error
 * naming every failed test and its message otherwise, so the cell (and `pnpm notebooks`) fails. (`Deno.test` in a
 * cell reports a failure without failing the cell, hence this.)
 */
export async function runTests(tests: Record<string, TestFunction>): Promise<Displayable> {
  const results: TestResult[] = [];
  for (const [name, test] of Object.entries(tests)) {
    const started = performance.now();
    let error: string | undefined;
    try {
      await test();
    } catch (thrown) {
      error = thrown instanceof Error ? `${thrown.name}: ${thrown.message}` : String(thrown);
    }
    results.push({ name, error, ms: performance.now() - started });
  }
  const failed = results.filter((r) => r.error !== undefined);
  if (failed.length > 0) {
    const lines = failed.map((r) => `✗ ${r.name}\n${r.error}`);
    throw new Error(`${failed.length} of ${results.length} tests failed:\n\n${lines.join("\n\n")}`);
  }
  const rows = results.map(
    (r) =>
      `<tr><td>✓</td><td>${escapeHtml(r.name)}</td><td style="text-align:right">${r.ms.toFixed(1)} ms</td></tr>`,
  );
  const html = `<table><caption style="text-align:left">${results.length} passed</caption>\n${rows.join("\n")}\n</table>`;
  const text = `${results.length} passed\n${results.map((r) => `  ✓ ${r.name}`).join("\n")}`;
  return { [JUPYTER_DISPLAY]: () => ({ "text/html": html, "text/plain": text }) };
}
