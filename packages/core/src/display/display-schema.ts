import type { ColumnTable } from "arquero";
import { declaredSchema } from "../schema/registry";
/**
 * What a person sees needs to know which number columns are time stamps: a table holds them as epoch
 * milliseconds. A display schema says so, column by column. Tables made by `readTable` (@tablepipe/io) and
 * the row factories (@tablepipe/testing) remember the one of the schema they were made with (kept beside the
 * table, in a WeakMap: the table object is not changed but for the console hook, see {@link rememberDisplaySchema});
 * other tables take one as an argument, or have their column types guessed from their values (a number is
 * then never taken for a time stamp).
 */

/** A column's logical type as shown: a time stamp is zone-less wall clock in epoch milliseconds, a date too (at midnight). */
export type DisplayType = "int" | "float" | "string" | "boolean" | "timestamp" | "date" | "other";

/** One column of a display schema. */
export interface DisplayColumn {
  readonly type: DisplayType;
  /** Whether the column may hold missing values (when unknown: whether it holds any). */
  readonly nullable: boolean;
}

/** Column name → logical type (and nullability): `{ pickup_datetime: "timestamp", fare: { type: "float", nullable: true } }`. */
export type DisplaySchema = Readonly<Record<string, DisplayType | DisplayColumn>>;

/** The part of a table the display functions read (an arquero ColumnTable has it). */
export interface DisplayableTable {
  numRows(): number;
  columnNames(): string[];
  array(name: string): ArrayLike<unknown> | unknown[];
}

const remembered = new WeakMap<object, DisplaySchema>();

/** The key under which Node's `util.inspect` (the REPL, `console.log`) asks an object how to show itself. */
export const INSPECT: unique symbol = Symbol.for("nodejs.util.inspect.custom") as never;

/**
 * Remember the display schema of a table made from a schema (for `show`, `describe`, `printSchema` and the
 * test kit's diffs), and let the REPL, `console.log` and `util.inspect` show it as a grid with readable time
 * stamps (a non-enumerable hook on that table object; a table derived from it does not inherit it).
 * Returns the table.
 */
export function rememberDisplaySchema<T extends object>(
  table: T,
  schema: DisplaySchema,
  render: (table: T) => string,
): T {
  remembered.set(table, schema);
  if (!Object.hasOwn(table, INSPECT) && Object.isExtensible(table)) {
    Object.defineProperty(table, INSPECT, {
      value: () => render(table),
      enumerable: false,
      configurable: true,
    });
  }
  return table;
}

/** The display schema a table remembers, if any. */
export function rememberedDisplaySchema(table: object): DisplaySchema | undefined {
  return remembered.get(table);
}

/** A column's type guessed from its values: numbers are ints or floats (never time stamps), Dates time stamps. */
export function guessColumn(values: ArrayLike<unknown>): DisplayColumn {
  if (values instanceof Float64Array || values instanceof Float32Array)
    return { type: "float", nullable: false };
  if (ArrayBuffer.isView(values)) return { type: "int", nullable: false };
  let type: DisplayType | undefined;
  let nullable = false;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === null || v === undefined) {
      nullable = true;
      continue;
    }
    const t: DisplayType =
      typeof v === "number"
        ? "float"
        : typeof v === "bigint"
          ? "int"
          : typeof v === "string"
            ? "string"
            : typeof v === "boolean"
              ? "boolean"
              : v instanceof Date
                ? "timestamp"
                : "other";
    if (type === undefined) type = t;
    else if (type !== t) type = "other";
  }
  return { type: type ?? "string", nullable };
}

/**
 * The display schema of the run-time schema a table declares (a read, `typedTable`, a step's output: see
 * `declaredSchema`), `{}` when it declares none. One source of truth: what is shown follows the logical types.
 */
function declaredDisplaySchema(table: DisplayableTable): DisplaySchema {
  const schema = declaredSchema(table as ColumnTable);
  if (schema === undefined) return {};
  const out: Record<string, DisplayColumn> = {};
  for (const [name, column] of Object.entries(schema)) {
    if (column.type !== "unknown") out[name] = { type: column.type, nullable: column.nullable };
  }
  return out;
}

/**
 * The column types a table carries, for display and writing: the types it declares (`schemaOf`'s, e.g. `date`
 * from a `z.date().meta({ logicalType: "date" })` field) over the display schema it remembers, column by
 * column; undefined when it carries neither.
 */
export function carriedDisplaySchema(table: DisplayableTable): DisplaySchema | undefined {
  const remembered = rememberedDisplaySchema(table as object);
  const declared = declaredDisplaySchema(table);
  if (remembered === undefined) return Object.keys(declared).length === 0 ? undefined : declared;
  return { ...remembered, ...declared };
}

/**
 * The display schema of every column of `table`: from `explicit`, else the types the table carries (declared
 * over remembered: see {@link carriedDisplaySchema}), else guessed from the values.
 */
export function resolveDisplaySchema(
  table: DisplayableTable,
  explicit?: DisplaySchema,
): Record<string, DisplayColumn> {
  const known = explicit ?? carriedDisplaySchema(table) ?? {};
  const out: Record<string, DisplayColumn> = {};
  for (const name of table.columnNames()) {
    const given = known[name];
    if (typeof given === "string") {
      const values = table.array(name) as ArrayLike<unknown>;
      out[name] = { type: given, nullable: guessColumn(values).nullable };
    } else if (given !== undefined) {
      out[name] = given;
    } else {
      out[name] = guessColumn(table.array(name) as ArrayLike<unknown>);
    }
  }
  return out;
}
