/**
 * Internals of @tablepipe/io for the other tablepipe packages (the Spark engine's result reader, the DuckDB
 * engine's lines of CSV records). Not a stable API.
 * @packageDocumentation
 */

export { arrowColumnValues } from "./arrow/arrow-column-values";
export { csvRecordLines } from "./csv/record-lines";
