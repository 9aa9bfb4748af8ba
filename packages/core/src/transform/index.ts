export type { ColumnParam, ColumnParams, ColumnRole, RequiredColumnParam } from "./column-params";
export { adds, needs, needsEach, removes } from "./column-params";
export type { ColumnContract } from "./contract";
export { columnsAfter, emptyContract, missingColumns, requireColumns } from "./contract";
export type { TransformDefinition } from "./define-transform";
export { defineTransform, makeTransform, verifyOutput } from "./define-transform";
export { ContractViolationError, MissingColumnsError, TransformParamError } from "./errors";
export { describeValue, tableParam } from "./params";
export type { StepSpec, Transform, TransformRuntime } from "./runtime";
export type { ColumnsOf, Table } from "./table";
export { isTable } from "./table";
export type {
  ColumnsForRole,
  LacksColumns,
  LacksParams,
  MissingColumns,
  NeedsCheck,
  NeedsOf,
  NoFixedColumns,
  NoParams,
  OutputColumns,
  ParamsArgs,
  ParamsGiven,
  ParamsInput,
  ParamsSchema,
  RequiredColumnKeys,
  RequiredParamKeys,
  ResolvedParams,
  StaticContract,
  StepParamsArgs,
  TransformCall,
} from "./types";
