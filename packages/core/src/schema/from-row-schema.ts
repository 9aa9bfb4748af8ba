import type { ColumnType, LogicalType, TableSchema } from "./logical-types";
import type { RowSchema } from "./row-schema";

interface ZodNode {
  _zod: { def: ZodDef };
  meta?: () => Record<string, unknown> | undefined;
}
interface ZodDef {
  type: string;
  format?: string;
  checks?: { _zod: { def: { check?: string; format?: string } } }[];
  innerType?: ZodNode;
  defaultValue?: unknown;
  entries?: Record<string, unknown>;
  values?: readonly unknown[];
}

/** The type of an enum's or a literal's values: all strings, all numbers (ints or floats) or all booleans. */
function choiceType(column: string, values: readonly unknown[]): LogicalType {
  if (values.every((v) => typeof v === "string")) return "string";
  if (values.every((v) => typeof v === "number")) return values.every(Number.isInteger) ? "int" : "float";
  if (values.every((v) => typeof v === "boolean")) return "boolean";
  throw new TypeError(`column "${column}": an enum or literal of mixed value types has no column type`);
}

const WRAPPERS = new Set(["nullable", "optional", "default", "prefault", "readonly", "catch", "nonoptional"]);
const INT_FORMATS = new Set(["safeint", "int32", "uint32", "int64", "uint64"]);

function isInt(def: ZodDef): boolean {
  if (def.format !== undefined && INT_FORMATS.has(def.format)) return true;
  return (def.checks ?? []).some((check) => {
    const d = check._zod.def;
    return d.check === "number_format" && d.format !== undefined && INT_FORMATS.has(d.format);
  });
}

function leafType(column: string, node: ZodNode): LogicalType {
  const def = node._zod.def;
  switch (def.type) {
    case "number":
    case "int":
      return isInt(def) ? "int" : "float";
    case "bigint":
      return "int";
    case "string":
      return "string";
    case "enum":
    case "literal":
      return choiceType(column, def.type === "enum" ? Object.values(def.entries ?? {}) : (def.values ?? []));
    case "boolean":
      return "boolean";
    case "date":
      // `z.date().meta({ logicalType: "date" })` marks a calendar date; a bare z.date() is a time stamp.
      return node.meta?.()?.logicalType === "date" ? "date" : "timestamp";
    default:
      throw new TypeError(
        `column "${column}": zod type "${def.type}" has no column type ` +
          "(use z.number(), z.int(), z.string(), z.enum([...]), z.boolean() or z.date())",
      );
  }
}

/** A zod field's column type: its leaf type, nullable through `.nullable()`, `.optional()` or `.default(null)`. */
export function columnTypeOfField(column: string, field: unknown): ColumnType {
  let node = field as ZodNode;
  let nullable = false;
  for (;;) {
    const def = node._zod.def;
    if (!WRAPPERS.has(def.type) || def.innerType === undefined)
      return { type: leafType(column, node), nullable };
    if (def.type === "nullable" || def.type === "optional") nullable = true;
    if ((def.type === "default" || def.type === "prefault") && def.defaultValue === null) nullable = true;
    node = def.innerType;
  }
}

/**
 * The run-time schema a row schema describes: `z.int()` is `int`, `z.number()` `float`, `z.string()` and
 * `z.enum()` `string`, `z.boolean()` `boolean`, `z.date()` `timestamp` (or `date` with
 * `.meta({ logicalType: "date" })`); nullable with `.nullable()`, `.optional()` or `.default(null)`.
 * @example schemaFromRowSchema(z.object({ id: z.int(), at: z.date().nullable() }))
 *   // { id: { type: "int", nullable: false }, at: { type: "timestamp", nullable: true } }
 */
export function schemaFromRowSchema(schema: RowSchema): TableSchema {
  const out: Record<string, ColumnType> = {};
  for (const [name, field] of Object.entries(schema.shape)) out[name] = columnTypeOfField(name, field);
  return out;
}
