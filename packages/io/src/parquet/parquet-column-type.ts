import type { LogicalType } from "@tablepipe/core";
import type { SchemaElement } from "hyparquet";
import type { FileColumnType } from "../read/file-column-type";
import { isParquetTimeColumn } from "./parquet-time-columns";

/** The logical type of a Parquet column, or undefined when it is none readTable reads. */
function logicalType(element: SchemaElement): LogicalType | undefined {
  const { type, converted_type: converted, logical_type: logical } = element;
  if (converted === "DATE" || logical?.type === "DATE") return "date";
  if (isParquetTimeColumn(element)) return "timestamp";
  if (converted === "DECIMAL" || logical?.type === "DECIMAL") return "float";
  switch (type) {
    case "BOOLEAN":
      return "boolean";
    case "INT32":
    case "INT64":
      return "int";
    case "FLOAT":
    case "DOUBLE":
      return "float";
    case "BYTE_ARRAY":
    case "FIXED_LEN_BYTE_ARRAY": {
      const text =
        converted === "UTF8" ||
        converted === "ENUM" ||
        logical?.type === "STRING" ||
        logical?.type === "ENUM";
      return text ? "string" : undefined;
    }
    default:
      return undefined;
  }
}

/**
 * A Parquet column's type from its logical, converted or physical type: TIMESTAMP (any unit, INT96) a
 * timestamp, DATE a date, INT32/INT64 ints, FLOAT/DOUBLE/DECIMAL floats, STRING/UTF8/ENUM strings, BOOLEAN.
 * @example parquetColumnType({ name: "at", type: "INT64", logical_type: { type: "TIMESTAMP", isAdjustedToUTC: false, unit: "MILLIS" } }) // { type: "timestamp", label: "TIMESTAMP" }
 */
export function parquetColumnType(element: SchemaElement): FileColumnType {
  const label = element.logical_type?.type ?? element.converted_type ?? element.type ?? "a group";
  return { type: logicalType(element), label };
}
