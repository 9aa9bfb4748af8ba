import {
  isEpochMillis,
  type RowSchemaTypes,
  schemaFromRowSchema,
  type Table,
  type TableSchema,
} from "@tablepipe/core";
import {
  attachSchema,
  isZonedTimestamp,
  parseWallClockTimestamp,
  WALL_CLOCK_EXPECTED,
} from "@tablepipe/core/internal";
import type { ColumnTable } from "arquero";
import { buildTable } from "./build-table";
import { checkColumnName } from "./column-names";
import { describeCellValue } from "./format-value";
import { RowValidationError, rowIssuesFromZod } from "./row-errors";
import type { ColumnName, NamesRequiredColumns, RowInput, RowOf, RowSchema, TupleFor } from "./row-types";
import { describeFields } from "./schema-fields";
import { tuplesToRowObjects } from "./tuples";

/** Options of {@link rowFactory}. */
export interface RowFactoryOptions {
  /** Name used in error messages, e.g. "trips" gives `trips.rows(): row 1, column ...`. Default "rows". */
  name?: string;
}

/** The argument list of `row()`: optional when every column has a default. */
export type RowArgs<S extends RowSchema> =
  Record<never, never> extends RowInput<S> ? [overrides?: RowInput<S>] : [overrides: RowInput<S>];

/** Builds rows and tables of one row schema, filling every column a test does not name with its default. */
export interface RowFactory<S extends RowSchema> {
  /** The zod schema rows are validated with. */
  readonly schema: S;
  /** The column names, in schema order (the column order of every table built). */
  readonly columns: readonly ColumnName<S>[];
  /** The name used in error messages. */
  readonly name: string;
  /**
   * One full row object with defaults applied (validated): the schema's output, so a Date column gives a
   * `Date` here (the tables of {@link RowFactory.rows} and {@link RowFactory.tuples} hold epoch milliseconds).
   * @example zoneRows.row({ zone_id: 100 }) // { zone_id: 100, zone_name: "Snack Zone", borough: "Food Borough" }
   */
  row(...overrides: RowArgs<S>): RowOf<S>;
  /**
   * A table with one row per object; each object names only the columns it cares about. Like `readTable`, a
   * Date column holds epoch milliseconds of the UTC wall-clock time (a Float64Array; numbers and nulls when
   * nullable), whether a row gave a Date, epoch milliseconds or an ISO string.
   * @example tripRows.rows([{ pickup_location_id: 100 }, {}]) // 2 rows, 17 columns
   * @example tripRows.rows([{ pickup_datetime: "2018-02-04T18:00" }]).get("pickup_datetime", 0) // Date.UTC(2018, 1, 4, 18)
   */
  rows(rows: readonly RowInput<S>[]): Table<ColumnName<S>, RowSchemaTypes<S>>;
  /**
   * A table from tuples of values for a column list, every other column defaulted; each tuple is typed by the list.
   * @example tripRows.tuples(["pickup_location_id", "dropoff_location_id"], [[1, 1], [100, 1]])
   */
  tuples<const K extends readonly ColumnName<S>[]>(
    columns: K & NamesRequiredColumns<S, K>,
    rows: readonly NoInfer<TupleFor<S, K>>[],
  ): Table<ColumnName<S>, RowSchemaTypes<S>>;
  /** A table with every column of the schema and no rows. */
  empty(): Table<ColumnName<S>, RowSchemaTypes<S>>;
}

/**
 * Makes a row factory from a zod object schema with defaults: the test kit's version of the guide's `generate_rows`.
 *
 * Date columns take a `Date`, epoch milliseconds (`Date.UTC(2018, 1, 4, 18)`) or an ISO string (without a zone
 * it is a UTC wall-clock time, whatever `TZ` is). Tables hold them as `readTable` does: epoch milliseconds in a
 * Float64Array, or numbers and nulls when nullable; `row()` returns the schema's output, a `Date`.
 * @example
 * const ZoneGeo = z.object({ zone_id: z.int().default(1), zone_name: z.string().default("Snack Zone") });
 * const zones = rowFactory(ZoneGeo, { name: "zones" });
 * zones.tuples(["zone_id", "zone_name"], [[100, "terrestrial"]]);
 */
export function rowFactory<S extends RowSchema>(schema: S, options: RowFactoryOptions = {}): RowFactory<S> {
  const name = options.name ?? "rows";
  const fields = describeFields(schema.shape);
  const columns = fields.map((field) => field.name) as ColumnName<S>[];
  // The tables it makes carry the schema's column types (schemaOf), as a read table does; a schema with
  // fields no table column type describes (arrays, objects) leaves them typed by their values.
  const tableSchema = columnTypes(schema);
  const typed = <T extends ColumnTable>(table: T): T =>
    tableSchema === undefined ? table : attachSchema(table, tableSchema);
  const dateColumns = new Set(
    fields.filter((field) => field.inputKind === "date").map((field) => field.name),
  );

  const parseRows = (context: string, inputs: readonly Readonly<Record<string, unknown>>[]): RowOf<S>[] =>
    inputs.map((input, rowIndex) => parseRow(context, input, rowIndex));

  const parseRow = (
    context: string,
    input: Readonly<Record<string, unknown>>,
    rowIndex: number,
  ): RowOf<S> => {
    const prepared: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(input)) {
      checkColumnName(`${context}: row ${rowIndex}`, key, columns);
      prepared[key] = dateColumns.has(key) ? timestampInput(context, rowIndex, key, value) : value;
    }
    const result = schema.safeParse(prepared);
    if (result.success) return result.data as RowOf<S>;
    const [first, ...rest] = rowIssuesFromZod(rowIndex, input, result.error.issues);
    if (first === undefined)
      throw new RowValidationError(context, [
        { rowIndex, column: undefined, value: input, expected: result.error.message, code: "custom" },
      ]);
    throw new RowValidationError(context, [first, ...rest]);
  };

  const checkRowObject = (
    context: string,
    row: unknown,
    rowIndex: number,
  ): Readonly<Record<string, unknown>> => {
    if (typeof row === "object" && row !== null && !Array.isArray(row) && !(row instanceof Date)) {
      return row as Readonly<Record<string, unknown>>;
    }
    const hint = Array.isArray(row) ? `; for tuples of values use ${name}.tuples(columns, rows)` : "";
    throw new TypeError(
      `${context}: row ${rowIndex} must be an object of column values, got ${describeCellValue(row)}${hint}`,
    );
  };

  return {
    schema,
    columns,
    name,
    row(...args: RowArgs<S>): RowOf<S> {
      const context = `${name}.row()`;
      const [overrides = {}] = args as [unknown?];
      return parseRow(context, checkRowObject(context, overrides, 0), 0);
    },
    rows(rows: readonly RowInput<S>[]): Table<ColumnName<S>, RowSchemaTypes<S>> {
      const context = `${name}.rows()`;
      if (!Array.isArray(rows)) {
        throw new TypeError(`${context}: expected an array of row objects, got ${describeCellValue(rows)}`);
      }
      const inputs = (rows as readonly unknown[]).map((row, rowIndex) =>
        checkRowObject(context, row, rowIndex),
      );
      return typed(buildTable(fields, parseRows(context, inputs)));
    },
    tuples<const K extends readonly ColumnName<S>[]>(
      columnList: K & NamesRequiredColumns<S, K>,
      rows: readonly NoInfer<TupleFor<S, K>>[],
    ): Table<ColumnName<S>, RowSchemaTypes<S>> {
      const context = `${name}.tuples()`;
      const inputs = tuplesToRowObjects(context, columnList, rows, columns);
      return typed(buildTable(fields, parseRows(context, inputs)));
    },
    empty(): Table<ColumnName<S>, RowSchemaTypes<S>> {
      return typed(buildTable(fields, []));
    },
  };
}

function columnTypes(schema: RowSchema): TableSchema | undefined {
  try {
    return schemaFromRowSchema(schema);
  } catch {
    return undefined;
  }
}

/**
 * A Date column's input as the schema takes it: a time stamp's text (readTable's parser and rule: no zone, the
 * wall-clock time read as UTC) or epoch milliseconds becomes a Date; anything else (a Date, null, undefined, a
 * wrong value) is left for the schema to check.
 */
function timestampInput(context: string, rowIndex: number, column: string, value: unknown): unknown {
  if (typeof value === "string") {
    const ms = parseWallClockTimestamp(value);
    if (!Number.isNaN(ms)) return new Date(ms);
    if (isZonedTimestamp(value)) {
      throw new RowValidationError(context, [
        { code: "zoned_timestamp", rowIndex, column, value, expected: WALL_CLOCK_EXPECTED },
      ]);
    }
  } else if (typeof value === "number") {
    if (isEpochMillis(value)) return new Date(value);
  } else {
    return value;
  }
  throw new RowValidationError(context, [
    {
      code: "invalid_timestamp",
      rowIndex,
      column,
      value,
      expected:
        'a Date, an ISO time stamp without a zone such as "2018-02-04T18:00:00" (its wall-clock time, read as UTC) ' +
        "or epoch milliseconds such as " +
        "Date.UTC(2018, 1, 4, 18)",
    },
  ]);
}

/** The row type a factory builds: `RowOfFactory<typeof tripRows>`. */
export type RowOfFactory<F> = F extends RowFactory<infer S> ? RowOf<S> : never;
