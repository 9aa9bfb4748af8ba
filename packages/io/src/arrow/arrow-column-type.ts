import type { LogicalType } from "@tablepipe/core";
import { type field, Type } from "@uwdata/flechette";
import type { FileColumnType } from "../read/file-column-type";

type Field = ReturnType<typeof field>;

const ARROW_TYPES: Partial<Record<number, LogicalType>> = {
  [Type.Int]: "int",
  [Type.Float]: "float",
  [Type.Decimal]: "float",
  [Type.Utf8]: "string",
  [Type.LargeUtf8]: "string",
  [Type.Utf8View]: "string",
  [Type.Bool]: "boolean",
  [Type.Timestamp]: "timestamp",
  [Type.Date]: "date",
};

function typeName(typeId: number): string {
  return Object.entries(Type).find(([, id]) => id === typeId)?.[0] ?? String(typeId);
}

/**
 * An Arrow field's type (a dictionary's by its values): ints, floats and decimals, strings, bools, time stamps
 * and dates; undefined for any other.
 * @example arrowColumnType(field("at", timestamp(TimeUnit.MILLISECOND))) // { type: "timestamp", label: "Arrow type Timestamp" }
 */
export function arrowColumnType(field: Field): FileColumnType {
  const { typeId } =
    field.type.typeId === Type.Dictionary
      ? (field.type as { dictionary: { typeId: number } }).dictionary
      : field.type;
  return { type: ARROW_TYPES[typeId], label: `Arrow type ${typeName(typeId)}` };
}
