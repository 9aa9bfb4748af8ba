import { formatFromExtension } from "../read/sources";
import type { TableFormat } from "../read/types";

/** Why `writeTable` cannot write a file whose format neither its name nor its options give. */
export const UNKNOWN_WRITE_FORMAT =
  'writeTable writes .csv, .parquet and .arrow files: name the file .csv, .parquet or .arrow, or pass the option format: "csv" | "parquet" | "arrow"';

/**
 * The format `writeTable` writes `path` in: `format` when given, else the one its extension names; undefined
 * when neither names one it writes.
 * @example writeFormat("out/sales.txt") // undefined
 */
export function writeFormat(path: string, format?: string): TableFormat | undefined {
  const chosen = format ?? formatFromExtension(path);
  return chosen === "csv" || chosen === "parquet" || chosen === "arrow" ? chosen : undefined;
}
