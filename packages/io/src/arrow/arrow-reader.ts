import { readFile } from "node:fs/promises";
import { withoutNegativeZeros } from "@tablepipe/core/internal";
import { Type, tableFromIPC } from "@uwdata/flechette";
import { appendValueBatch, type DecodedColumn, mapNamedColumns } from "../columns/value-columns";
import { TableReadError } from "../errors";
import { refuseMismatchedTypes } from "../read/file-column-type";
import { nearestDecimals } from "../read/nearest-decimal";
import { chunkRead, type ReadContext } from "../read/read-context";
import { refuseZonedColumns } from "../read/zoned-timestamps";
import { arrowColumnType } from "./arrow-column-type";
import { arrowColumnValues } from "./arrow-column-values";

/**
 * Read one Arrow IPC file or stream (`.arrow`, `.feather` v2, `.ipc`) with flechette into the context's builders.
 * Timestamps and dates come as epoch milliseconds, without a Date per value (an Arrow timestamp without a zone
 * is its UTC wall-clock time; one with a zone is refused, or with `zonedTimestamps: "utc"` read as its instant's
 * UTC wall-clock time), 64-bit integers as numbers; every value is then checked or parsed as the
 * schema says.
 * @example await readArrowFile("trips.arrow", ctx)
 */
export async function readArrowFile(path: string, ctx: ReadContext): Promise<void> {
  let bytes: Buffer;
  let table: ReturnType<typeof tableFromIPC>;
  try {
    bytes = await readFile(path);
    table = tableFromIPC(bytes, { useDate: false });
  } catch (error) {
    throw new TableReadError(
      { file: ctx.file, reason: `cannot read as Arrow IPC: ${(error as Error).message}` },
      { cause: error },
    );
  }
  const fields = table.schema.fields;
  const names = fields.map((field) => field.name);
  const timeColumns = new Set(
    fields
      .filter((field) => field.type.typeId === Type.Timestamp || field.type.typeId === Type.Date)
      .map((field) => field.name),
  );
  // flechette adds a decimal's fraction to its whole part: read as the doubles nearest to the decimals
  const decimalScales = new Map(
    fields.flatMap((field) => (field.type.typeId === Type.Decimal ? [[field.name, field.type.scale]] : [])),
  );
  const mapped = mapNamedColumns(ctx, names);
  const byName = new Map(fields.map((field) => [field.name, field]));
  refuseMismatchedTypes(ctx, mapped, (name) => {
    const field = byName.get(name);
    return field === undefined ? undefined : arrowColumnType(field);
  });
  refuseZonedColumns(ctx, mapped, (name) => {
    const type = byName.get(name)?.type;
    const zone = type?.typeId === Type.Timestamp ? type.timezone : undefined;
    return zone === undefined || zone === null ? undefined : `Arrow timestamp with the time zone ${zone}`;
  });
  const columns = mapped.map((name, c): DecodedColumn | undefined => {
    if (name === undefined) return undefined;
    const values = arrowColumnValues(table.getChild(name));
    const scale = decimalScales.get(name);
    // a float's -0 in an int column as 0, as every reader reads it
    const floatAsInt = ctx.specs[c]?.kind === "int" && byName.get(name)?.type.typeId === Type.Float;
    return {
      values:
        scale !== undefined
          ? nearestDecimals(values, scale)
          : floatAsInt
            ? withoutNegativeZeros(values)
            : values,
      epochMillis: timeColumns.has(name),
    };
  });
  appendValueBatch(ctx, columns, table.numRows, 0);
  chunkRead(ctx, bytes.length);
}
