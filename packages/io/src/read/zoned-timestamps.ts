import { TableReadError } from "../errors";
import type { ReadContext } from "./read-context";

/**
 * Why a column of zoned time stamps is refused: what the file's (or `owner`'s) column `name` holds (`holds`:
 * `Parquet TIMESTAMP(MICROS, isAdjustedToUTC=true)`, ...), what was expected, and the option that reads it.
 * @example zonedTimestampReason("at", "Parquet INT96") // 'the file\'s column "at" holds time stamps with a zone (…'
 */
export function zonedTimestampReason(name: string, holds: string, owner = "the file's"): string {
  return `${owner} column "${name}" holds time stamps with a zone (${holds}: instants, not wall-clock times): expected time stamps without a zone, the data's wall-clock time; to read each instant as its UTC wall-clock time, pass the read option zonedTimestamps: "utc"`;
}

/**
 * Refuse, before any row is read, a `z.date()` column that reads a file column of zoned time stamps (`holdsOf`
 * describes one, undefined for any other), unless the read's `zonedTimestamps` is `"utc"`. A stamp with a zone is
 * rejected, never shifted: a CSV stamp with an offset is refused value by value, a typed file's column at once.
 * @example refuseZonedColumns(ctx, ["at"], () => "Parquet TIMESTAMP(MICROS, isAdjustedToUTC=true)") // throws
 */
export function refuseZonedColumns(
  ctx: ReadContext,
  mapped: readonly (string | undefined)[],
  holdsOf: (name: string) => string | undefined,
): void {
  if (ctx.zonedTimestamps === "utc") return;
  ctx.specs.forEach((spec, c) => {
    const name = mapped[c];
    const holds = name === undefined || spec.kind !== "timestamp" ? undefined : holdsOf(name);
    if (name === undefined || holds === undefined) return;
    throw new TableReadError({
      file: ctx.file,
      column: spec.name,
      expected: "time stamps without a zone",
      reason: zonedTimestampReason(name, holds),
    });
  });
}
