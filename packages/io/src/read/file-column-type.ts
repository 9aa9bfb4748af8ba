import type { LogicalType } from "@tablepipe/core";
import { TableReadError } from "../errors";
import type { ReadContext } from "./read-context";
import { kindExpectation } from "./schema-columns";

/** A Parquet or Arrow column's type: the logical type readTable reads it as (undefined: none), and the file's name for it. */
export interface FileColumnType {
  readonly type: LogicalType | undefined;
  /** As the file says it: `TIMESTAMP`, `DATE`, `INT64`, `Arrow type Timestamp`, ... */
  readonly label: string;
}

const ZOD_FIELDS: Record<LogicalType, string> = {
  int: "z.int()",
  float: "z.number()",
  string: "z.string()",
  boolean: "z.boolean()",
  timestamp: "z.date()",
  date: 'z.date().meta({ logicalType: "date" })',
};

/**
 * Refuse, before any row is read, a schema column that reads a file column of a type it can never take: a
 * time stamp or a date as anything but `z.date()`, a number or a boolean as `z.date()` (strings are parsed
 * value by value, and numbers and booleans taken as text, so those are checked per value). The error names
 * the column, the file's type and the schema's.
 * @example refuseMismatchedTypes(ctx, ["ordered_at"], () => ({ type: "timestamp", label: "TIMESTAMP" })) // throws for z.string()
 */
export function refuseMismatchedTypes(
  ctx: ReadContext,
  mapped: readonly (string | undefined)[],
  typeOf: (name: string) => FileColumnType | undefined,
): void {
  ctx.specs.forEach((spec, c) => {
    const name = mapped[c];
    const found = name === undefined ? undefined : typeOf(name);
    const type = found?.type;
    if (found === undefined || type === undefined || type === "string") return;
    const time = type === "timestamp" || type === "date";
    if (time === (spec.kind === "timestamp")) return;
    const label = found.label.toLowerCase() === type ? found.label : `${found.label} (${type})`;
    const says = spec.kind === "enum" ? "an enum" : kindExpectation(spec).noun;
    const which = name === spec.name ? "this column" : `its column ${name}`;
    throw new TableReadError({
      file: ctx.file,
      column: spec.name,
      reason: `the file types ${which} as ${label}, but the schema says ${says}: read it with ${ZOD_FIELDS[type]}`,
    });
  });
}
