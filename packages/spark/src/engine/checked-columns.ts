/** The columns of a checked file read (`readSchemaFiles`), beside the schema's own. */

/** The column of a CSV read holding a record Spark could not split into the header's fields (its text). */
export const MALFORMED = "__tablepipe_malformed";
/** Columns of the checked read: the first invalid cell's schema column (-1: a malformed record) and its text. */
export const BAD = "__tablepipe_bad";
export const BAD_VALUE = "__tablepipe_bad_value";
/** Each row's file, and its number in Spark's read order. */
export const FILE = "__tablepipe_file";
export const ID = "__tablepipe_id";

/** A column as Spark's read finds it: its name and the case of its Spark Connect `DataType` (`string`, `long`). */
export interface FileColumn {
  readonly name: string;
  /** The name as readTable reads the header (the last one without the CR of a CRLF line end). */
  readonly header: string;
  readonly type: string;
}
