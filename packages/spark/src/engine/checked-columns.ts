/** The columns of a checked file read (`readSchemaFiles`), beside the schema's own. */

/** The column of a CSV read holding a record Spark could not split into the header's fields (its text). */
export const MALFORMED = "__tablepipe_malformed";
/** Columns of the checked read: the first invalid cell's schema column (-1: a malformed record) and its text. */
export const BAD = "__tablepipe_bad";
export const BAD_VALUE = "__tablepipe_bad_value";
/** Each row's file, and its number in Spark's read order. */
export const FILE = "__tablepipe_file";
export const ID = "__tablepipe_id";

/** The checked read's flag of schema column `i`'s invalid cells (false in a malformed record: it counts as one). */
export function flagColumn(i: number): string {
  return `__tablepipe_b${i}`;
}

/** The checked read's text of schema column `i`'s cell where it is invalid (else NULL), for the read report. */
export function flaggedTextColumn(i: number): string {
  return `__tablepipe_v${i}`;
}

/** A column as Spark's read finds it: its name and the case of its Spark Connect `DataType` (`string`, `long`). */
export interface FileColumn {
  readonly name: string;
  /** The name as readTable reads the header (the last one without the CR of a CRLF line end). */
  readonly header: string;
  readonly type: string;
}
