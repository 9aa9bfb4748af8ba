import type { CastType, RowSchema } from "@tablepipe/core";
import type * as z from "zod";

/** A column's logical type in a SQL engine: tablepipe's cast types (`timestamp` is a zone-less time stamp). */
export type ColumnType = CastType;

function fieldType(field: z.ZodType): ColumnType | undefined {
  const def = field.def as { type: string; format?: string; innerType?: z.ZodType };
  switch (def.type) {
    case "nullable":
    case "optional":
    case "default":
      return def.innerType === undefined ? undefined : fieldType(def.innerType);
    case "number":
      return def.format === "safeint" || def.format === "int32" ? "int" : "float";
    case "date":
      return "timestamp";
    case "string":
    case "enum":
      return "string";
    case "boolean":
      return "boolean";
    default:
      return undefined;
  }
}

/**
 * The column types of a row schema (`z.date()` is a time stamp, `z.int()` an int, ...), for loading a
 * table or reading a file with the types it has in process.
 * @example columnTypesOf(taxiTripSchema).pickup_datetime // "timestamp"
 */
export function columnTypesOf(schema: RowSchema): Record<string, ColumnType> {
  const types: Record<string, ColumnType> = {};
  for (const [name, field] of Object.entries(schema.shape as Record<string, z.ZodType>)) {
    const type = fieldType(field);
    if (type !== undefined) types[name] = type;
  }
  return types;
}
