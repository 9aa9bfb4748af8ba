import { type RowSchema, schemaFromRowSchema } from "@tablepipe/core";
import { crossesThreads, fieldRules, rowCheckWords, type ValueRule } from "@tablepipe/core/internal";
import { DATE_EXPECTATION, isDateColumn } from "../columns/date-cells";

/** How a column's values are parsed and stored. */
export type ColumnKind = "float" | "int" | "string" | "boolean" | "timestamp" | "enum";

/** One schema column as the readers and writers see it (the result of introspecting a zod field once). */
export interface ColumnSpec {
  /** Column name in the schema (and in the table that is read). */
  readonly name: string;
  readonly kind: ColumnKind;
  /** `.nullable()` / `.optional()` (or a `.default(null)`): an empty cell becomes `null`. */
  readonly nullable: boolean;
  /** `.optional()` or `.default()`: the column may be absent from a file (then filled with the default or `null`). */
  readonly optional: boolean;
  /** `.default(v)`: an empty cell (or an absent column) becomes this value. */
  readonly hasDefault: boolean;
  readonly defaultValue: unknown;
  /** The allowed values of a `z.enum([...])` / `z.literal([...])` column. */
  readonly values?: readonly string[];
  /**
   * The value rules of the column (`.min()`, `.positive()`, lengths, `.regex()`, `z.email()`, `.refine()`, ...),
   * checked on every value read; absent when there are none (the fast path: nothing to check).
   */
  readonly rules?: readonly ValueRule[];
  /**
   * A `timestamp` column the table declares `date` (`z.date().meta({ logicalType: "date" })`, or a file's DATE
   * column): every value must be a day's midnight, and one holding another time of day is invalid.
   */
  readonly date?: boolean;
}

export type { RowSchema };

interface ZodNode {
  _zod: { def: ZodDef };
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

const intFormats = new Set(["safeint", "int32", "uint32"]);

function isIntNumber(def: ZodDef): boolean {
  if (def.format !== undefined && intFormats.has(def.format)) return true;
  return (def.checks ?? []).some((check) => {
    const d = check._zod.def;
    return d.check === "number_format" && d.format !== undefined && intFormats.has(d.format);
  });
}

function enumValues(column: string, values: readonly unknown[]): string[] {
  return values.map((value) => {
    if (typeof value !== "string") {
      throw new TypeError(
        `column ${column}: only string enum/literal values can be read from files, found ${typeof value} ${String(value)}`,
      );
    }
    return value;
  });
}

/**
 * Describe every column of a row schema, in schema order: kind, nullability, default, enum values, and whether a
 * time-stamp column is a date (as the table read declares it: `schemaOf` says `date`).
 * @example columnKinds(z.object({ id: z.int(), at: z.date().nullable() }))
 *   // [{ name: "id", kind: "int", nullable: false, ... }, { name: "at", kind: "timestamp", nullable: true, ... }]
 */
export function columnKinds(schema: RowSchema): ColumnSpec[] {
  const shape = schema.shape as Record<string, unknown>;
  const specs = Object.entries(shape).map(([name, field]) => describeField(name, field as ZodNode));
  // after describeField, which refuses first what no table file can hold
  const declared = schemaFromRowSchema(schema);
  return specs.map((spec) =>
    spec.kind === "timestamp" && declared[spec.name]?.type === "date" ? { ...spec, date: true } : spec,
  );
}

function describeField(name: string, field: ZodNode): ColumnSpec {
  let nullable = false;
  let optional = false;
  let hasDefault = false;
  let defaultValue: unknown;
  let node = field;
  for (;;) {
    const def = node._zod.def;
    switch (def.type) {
      case "nullable":
        nullable = true;
        break;
      case "optional":
        nullable = true;
        optional = true;
        break;
      case "default":
      case "prefault":
        if (!hasDefault) {
          hasDefault = true;
          optional = true;
          defaultValue = def.defaultValue;
          if (defaultValue === null) nullable = true;
        }
        break;
      case "readonly":
      case "catch":
      case "nonoptional":
        break;
      default: {
        const kind = leafKind(name, def);
        const { rules } = fieldRules(field);
        return {
          name,
          kind,
          nullable,
          optional,
          hasDefault,
          defaultValue,
          ...leafValues(name, def),
          ...(rules.length > 0 ? { rules } : {}),
        };
      }
    }
    if (def.innerType === undefined) throw unsupported(name, def.type);
    node = def.innerType;
  }
}

function leafKind(name: string, def: ZodDef): ColumnKind {
  switch (def.type) {
    case "number":
    case "int":
      return isIntNumber(def) ? "int" : "float";
    case "string":
      return "string";
    case "boolean":
      return "boolean";
    case "date":
      return "timestamp";
    case "enum":
    case "literal":
      return "enum";
    default:
      throw unsupported(name, def.type);
  }
}

function leafValues(name: string, def: ZodDef): { values?: readonly string[] } {
  if (def.type === "enum") return { values: enumValues(name, Object.values(def.entries ?? {})) };
  if (def.type === "literal") return { values: enumValues(name, def.values ?? []) };
  return {};
}

function unsupported(name: string, type: string): TypeError {
  return new TypeError(
    `column ${name}: zod type "${type}" cannot be read from a table file ` +
      "(use z.number(), z.int(), z.string(), z.boolean(), z.date() or z.enum([...]), optionally .nullable()/.optional()/.default())",
  );
}

/** What a column expects, for error messages: `a timestamp` / `e.g. 2018-07-27 09:14:45`. */
export function kindExpectation(spec: ColumnSpec): { noun: string; example: string } {
  switch (spec.kind) {
    case "float":
      return { noun: "a number", example: "e.g. 12.5" };
    case "int":
      return { noun: "an integer", example: "e.g. 42" };
    case "string":
      return { noun: "a string", example: 'e.g. "N" (write "" for an empty string)' };
    case "boolean":
      return { noun: "a boolean", example: "true/false, t/f, 1/0, yes/no or y/n" };
    case "timestamp":
      if (isDateColumn(spec)) return DATE_EXPECTATION;
      return {
        noun: "a timestamp",
        example: "e.g. 2018-07-27 09:14:45, 2018-07-27T09:14:45 or 07/27/2018 09:14:45 AM (no zone)",
      };
    case "enum":
      return {
        noun: "an allowed value",
        example: `one of ${(spec.values ?? []).map((v) => JSON.stringify(v)).join(", ")}`,
      };
  }
}

/**
 * Refuse, before anything is read, the rules of a row schema that cannot be checked value by value: a rule on
 * the whole row (`z.object({...}).refine(...)`) and column checks that transform values (`.trim()`) or do not
 * apply to table cells. The error names each.
 * @example refuseUncheckableRules(z.object({ a: z.int(), b: z.int() }).refine((r) => r.a < r.b), specs) // throws
 */
export function refuseUncheckableRules(schema: RowSchema, specs: readonly ColumnSpec[]): void {
  const problems: string[] = [];
  for (const words of rowCheckWords(schema)) {
    problems.push(
      `${words} on the whole row (a .refine()/.superRefine()/.check() of the object schema) cannot be checked value by value: put the rule on a column, or check the table after reading`,
    );
  }
  for (const spec of specs) {
    for (const rule of spec.rules ?? []) {
      if (rule.kind === "uncheckable") problems.push(`column ${spec.name}: ${rule.words}`);
    }
  }
  if (problems.length > 0) {
    throw new TypeError(`the schema has rules readTable cannot check:\n- ${problems.join("\n- ")}`);
  }
}

/** True when every rule of `specs` can be sent to a worker thread (no refinement, which holds a function). */
export function rulesCrossThreads(specs: readonly ColumnSpec[]): boolean {
  return specs.every((spec) => (spec.rules ?? []).every(crossesThreads));
}
