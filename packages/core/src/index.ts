/**
 * @tablepipe/core: the transform contract, the pipe that chains transforms (the guide's `.transform()`), its
 * pre-flight plan and trace, and calendar and time-stamp text. No Node built-ins: it runs in Node, Deno and
 * browsers. Table IO is `@tablepipe/io`; config, CLI, logging and the Job runner are `@tablepipe/job`.
 * @packageDocumentation
 */

// Display: what a person sees of a table (time stamps as `2018-02-04 18:00:00`).
export type { ColumnSummary } from "./display/describe";
export { describe, TableDescription } from "./display/describe";
export type { DisplayableTable, DisplayColumn, DisplaySchema, DisplayType } from "./display/display-schema";
export { formatDay, formatDisplayValue, formatWallClock } from "./display/format-display";
export { printSchema } from "./display/print-schema";
export type { ShowOptions } from "./display/show";
export { show } from "./display/show";
export { TextBlock } from "./display/text-block";
// Expressions: one typed tree for filters, derived columns and measures; rendered in process and to SQL.
export type { CaseBranch } from "./expr/build";
export {
  abs,
  add,
  and,
  caseWhen,
  cast,
  ceil,
  coalesce,
  col,
  concat,
  contains,
  day,
  dayOfWeek,
  dayOfYear,
  div,
  endsWith,
  eq,
  exp,
  floor,
  ge,
  greatest,
  gt,
  hour,
  isIn,
  isNotNull,
  isNull,
  le,
  least,
  length,
  lit,
  ln,
  lower,
  lt,
  minute,
  mod,
  month,
  mul,
  ne,
  neg,
  not,
  or,
  pow,
  quarter,
  replace,
  round,
  second,
  sqrt,
  startsWith,
  sub,
  substring,
  timestamp,
  toExpr,
  trim,
  truncate,
  upper,
  year,
} from "./expr/build";
export { between, clip, nullIf } from "./expr/composed-functions";
export { ExpressionError } from "./expr/errors";
export { formatExpr } from "./expr/format";
export type { FloatMeasureFn, Measure, MeasureFn, MeasureNode } from "./expr/measures";
export {
  count,
  countDistinct,
  first,
  last,
  max,
  mean,
  median,
  min,
  quantile,
  stddev,
  sum,
} from "./expr/measures";
export type {
  BinaryOp,
  CastType,
  Expr,
  ExprColumns,
  ExprInput,
  ExprNode,
  LiteralValue,
  References,
  RefsOf,
  TruncUnit,
  UnaryOp,
} from "./expr/nodes";
export { exprColumns } from "./expr/refs";
export type { SqlSortKey } from "./expr/sql";
export { toSql, toSqlOrderBy } from "./expr/sql";
export type { ExistsJoin, SqlDialect, SqlDialectName } from "./expr/sql-dialects";
export { SQL_DIALECTS } from "./expr/sql-dialects";
export { expressionType, measureType } from "./expr/types";
export { exprParam, isExprNode, measureParam } from "./expr/validate";
export type { WindowFn, WindowFunctionNode } from "./expr/window-nodes";
// Pipes: chaining, composing, tracing.
export type { CompositeDefinition, FoldSteps } from "./pipe/compose";
export { compose } from "./pipe/compose";
export type {
  CheckedPipe,
  EngineRunOptions,
  EngineRunResult,
  PipeEngine,
  PipeResult,
  PipeRunOptions,
} from "./pipe/pipe";
export { Pipe, pipe } from "./pipe/pipe";
export type { AddsOf, RemovesOf, RequirementsOf, Step } from "./pipe/step";
export { step } from "./pipe/step";
export { StepFailedError } from "./pipe/step-failed-error";
export type { TraceEntry } from "./pipe/trace";
export { flattenTrace, formatFunnel } from "./pipe/trace";
// Table schemas at run time: column types, typed tables, the schema of any table.
export type { Misfit } from "./schema/conforms";
export { columnMisfit, firstMisfit, valueFits } from "./schema/conforms";
export { schemaFromRowSchema } from "./schema/from-row-schema";
export { columnArray, inferColumnType, inferSchema } from "./schema/infer-schema";
export type { ColumnType, LogicalType, TableSchema, TypeRequirement } from "./schema/logical-types";
export {
  columnType,
  formatColumnType,
  formatRequirement,
  isLogicalType,
  LOGICAL_TYPES,
  meetsRequirement,
  NUMERIC,
  requirementHint,
} from "./schema/logical-types";
export { declaredSchema, schemaOf } from "./schema/registry";
// Row schemas: the zod object that types a table's rows (reads, row factories).
export type { RowSchema } from "./schema/row-schema";
export type { FieldType, HandSchemaTypes, RowSchemaTypes, SchemaTypesOf } from "./schema/static-types";
export type { SchemaInput, SchemaInputColumns } from "./schema/typed-table";
export { checkTableSchema, toArquero, toTableSchema, typedTable } from "./schema/typed-table";
// Time: calendar arithmetic and time-stamp text (zone-less wall clock as epoch milliseconds).
export { civilDate, daysFromCivil } from "./time/calendar";
export { formatTimestamp, isEpochMillis, parseTimestamp } from "./time/timestamp";
// Transforms: declaring one, its column params and contract, its errors.
export type {
  AcceptedTypes,
  AddsOptions,
  ColumnParam,
  ColumnParams,
  ColumnRole,
  NeedsOptions,
  RequiredColumnParam,
  TypeNames,
} from "./transform/column-params";
export { adds, needs, needsEach, removes } from "./transform/column-params";
export type { ColumnContract } from "./transform/contract";
export {
  checkContract,
  columnsAfter,
  missingColumns,
  requireColumns,
  schemaAfter,
} from "./transform/contract";
export type { TransformDefinition } from "./transform/define-transform";
export { defineTransform, verifyOutput, withStaticContract } from "./transform/define-transform";
export {
  ColumnExistsError,
  ColumnTypeError,
  ContractViolationError,
  MissingColumnsError,
  SchemaMismatchError,
  TransformParamError,
} from "./transform/errors";
export { describeValue } from "./transform/params";
export type { FirstDistinctRows, FirstRowsCutoff, StepSpec, Transform } from "./transform/runtime";
export type { SqlRendering, SqlStepContext } from "./transform/sql-rendering";
export type {
  ColumnsOf,
  ColumnTypes,
  KnownTypesOf,
  NoColumnTypes,
  Table,
  TableColumns,
  TableFitting,
  TableTypes,
  TypesOf,
} from "./transform/table";
export { isTable } from "./transform/table";
export type { TypedTableParam } from "./transform/table-param";
export { tableParam } from "./transform/table-param";
export type {
  CheckedTable,
  ColumnsForRole,
  ContractFor,
  DeclaredTypes,
  LacksColumns,
  LacksParams,
  MeetsType,
  MissingColumns,
  NeedsCheck,
  NeedsMessages,
  NeedsOf,
  NeedTypesOf,
  NoFixedColumns,
  NoParams,
  OutputColumns,
  OutputTypes,
  ParamProblems,
  ParamsArgs,
  ParamsConstraint,
  ParamsGiven,
  ParamsInput,
  ParamsSchema,
  ParamsShape,
  ProblemsCheck,
  RequiredColumnKeys,
  RequiredParamKeys,
  ResolvedParams,
  StaticContract,
  StepParamsArgs,
  TransformCall,
  TypeRequirements,
} from "./transform/types";
// Values: the one rule for a missing value.
export { isMissing } from "./values/is-missing";
