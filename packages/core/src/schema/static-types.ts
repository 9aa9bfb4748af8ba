import type { KnownTypesOf } from "../transform/table";
import type { LogicalType } from "./logical-types";
import type { RowSchema } from "./row-schema";

/** The zod formats `schemaFromRowSchema` reads as ints (`z.int()`, `z.int32()`, `z.uint32()`). */
type IntFormat = "safeint" | "int32" | "uint32";

/** A zod field without its wrappers (`.nullable()`, `.optional()`, `.default()`, ...). */
type Unwrapped<F> = F extends { _zod: { def: { innerType: infer I } } } ? Unwrapped<I> : F;

/** The type of an enum's or a literal's values, from their TypeScript type. */
type ChoiceType<O> = [O] extends [string]
  ? "string"
  : [O] extends [boolean]
    ? "boolean"
    : [O] extends [number]
      ? `${O}` extends `${string}.${string}`
        ? "float"
        : "int"
      : never;

/**
 * The logical type the compiler sees in one zod field, as `schemaFromRowSchema` reads it at run time:
 * `z.int()` int, `z.number()` float, `z.string()`/`z.enum()` string, `z.boolean()` boolean, `z.date()`
 * `"timestamp" | "date"` (a `.meta({ logicalType: "date" })` is not in the field's TypeScript type, so the
 * compiler knows only that it is one of the two); `never` for a field with no column type.
 */
export type FieldType<F> =
  Unwrapped<F> extends { _zod: { def: infer D; output: infer O } }
    ? D extends { type: "number"; format: IntFormat }
      ? "int"
      : D extends { type: "number" }
        ? "float"
        : D extends { type: "bigint" }
          ? "int"
          : D extends { type: "string" }
            ? "string"
            : D extends { type: "boolean" }
              ? "boolean"
              : D extends { type: "date" }
                ? "timestamp" | "date"
                : D extends { type: "enum" | "literal" }
                  ? ChoiceType<O>
                  : never
    : never;

/** The column types the compiler sees in a zod row schema: `{ id: "int"; at: "timestamp" | "date" }`. */
export type RowSchemaTypes<S extends RowSchema> = KnownTypesOf<{
  [Col in keyof S["shape"] & string as [FieldType<S["shape"][Col]>] extends [never] ? never : Col]: FieldType<
    S["shape"][Col]
  >;
}>;

/** The column types the compiler sees in a schema written by hand: `{ id: { type: "int", nullable: false } }`. */
export type HandSchemaTypes<S> = KnownTypesOf<{
  [Col in keyof S & string as S[Col] extends { type: LogicalType } ? Col : never]: S[Col] extends {
    type: infer T;
  }
    ? T
    : never;
}>;

/** Both: the column types of a schema input (a zod row schema or a hand-written schema). */
export type SchemaTypesOf<S> = S extends RowSchema ? RowSchemaTypes<S> : HandSchemaTypes<S>;
