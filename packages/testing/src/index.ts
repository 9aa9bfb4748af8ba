/**
 * @tablepipe/testing — the test kit for tablepipe transforms: row factories with defaults from zod schemas,
 * the guide's `Trip` and `ZoneGeo` rows, and chispa-style table assertions. Vitest matchers live in
 * `@tablepipe/testing/vitest`.
 * @packageDocumentation
 */
export {
  assertColumns,
  ColumnMismatchError,
  type ColumnsCheck,
  type ColumnsOptions,
  checkColumns,
} from "./assert-columns";
export { assertTablesEqual, TableMismatchError } from "./assert-tables";
export { assertSameOnEngines, EngineMismatchError, type EngineParityOptions } from "./engine-parity";
export { formatTableDiff } from "./format-diff";
export { type RowIssue, RowValidationError } from "./row-errors";
export {
  type RowArgs,
  type RowFactory,
  type RowFactoryOptions,
  type RowOfFactory,
  rowFactory,
} from "./row-factory";
export type {
  CellInput,
  ColumnName,
  EpochMillis,
  IsoTimestamp,
  MissingRequiredColumns,
  NamesRequiredColumns,
  RequiredColumn,
  RowInput,
  RowOf,
  RowSchema,
  TupleFor,
} from "./row-types";
export { diffTables, type RowDiff, type TableDiff, type TableEqualityOptions } from "./table-diff";
export { isTableLike, type TableLike } from "./table-like";
export { cellsEqual } from "./table-values";
export { Trip, tripRows, ZoneGeo, zoneRows } from "./taxi-rows";
