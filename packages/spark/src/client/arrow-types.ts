import type { LogicalType } from "@tablepipe/core";
import { Type } from "@uwdata/flechette";

/**
 * The logical type of a result column of Arrow type `typeId`, as readTable types such a column of a Parquet or
 * Arrow file: integers `int`, floats and decimals `float`, text `string`, booleans `boolean`, time stamps
 * `timestamp`, dates `date`, a column of nulls only `unknown`; undefined for any other (nested, binary): the
 * type its values give.
 */
export function arrowLogicalType(typeId: number): LogicalType | "unknown" | undefined {
  switch (typeId) {
    case Type.Int:
      return "int";
    case Type.Float:
    case Type.Decimal:
      return "float";
    case Type.Utf8:
    case Type.LargeUtf8:
    case Type.Utf8View:
      return "string";
    case Type.Bool:
      return "boolean";
    case Type.Timestamp:
      return "timestamp";
    case Type.Date:
      return "date";
    case Type.Null:
      return "unknown";
    default:
      return undefined;
  }
}
