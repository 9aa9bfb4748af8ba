import type { DisplaySchema, DisplayType } from "@tablepipe/core";
import type { ColumnKind, ColumnSpec } from "./schema-columns";

const DISPLAY_TYPES: Record<ColumnKind, DisplayType> = {
  float: "float",
  int: "int",
  string: "string",
  enum: "string",
  boolean: "boolean",
  timestamp: "timestamp",
};

/** The display schema of the columns of a row schema (which number columns are time stamps, and nullability). */
export function displaySchemaOf(specs: readonly ColumnSpec[]): DisplaySchema {
  return Object.fromEntries(
    specs.map((spec) => [spec.name, { type: DISPLAY_TYPES[spec.kind], nullable: spec.nullable }]),
  );
}
