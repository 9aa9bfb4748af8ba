/**
 * Internals of @tablepipe/core for the other tablepipe packages (the streamed source pipe of `@tablepipe/io`,
 * engines): the planner, the executor, byte-level time-stamp parsing and the output manifest's format. Not a
 * stable API.
 * @packageDocumentation
 */

export { carriedDisplaySchema, resolveDisplaySchema } from "./display/display-schema";
export type { NumberFormatOptions } from "./display/format-number";
export { formatWhole, numberFormat } from "./display/format-number";
export { rememberTableSchema } from "./display/remember";
export { displayWidth, padToWidth } from "./display/text-width";
export { withArticle } from "./display/with-article";
export { castFailureDetail } from "./expr/cast";
export { isDatePart } from "./expr/date-parts";
export { evaluateExpression } from "./expr/evaluate";
export {
  type ColumnKind,
  columnKind,
  declaredKinds,
  expressionKind,
  expressionKinds,
  typeKind,
} from "./expr/expression-kind";
export { smallIntegerMask } from "./expr/kernels";
export { FLOAT_MEASURES } from "./expr/measures";
export { isArithmetic } from "./expr/nodes";
export { everyPickedValue, pickedValues } from "./expr/picked-values";
export { rendersDouble } from "./expr/sql";
export { withoutNaN } from "./expr/sql-dialects";
export { castsToText, givesStamps, stampText } from "./expr/stamp-text";
export { STDDEV_LARGE, STDDEV_SHRINK, STDDEV_SMALL, stddevScale } from "./expr/stddev-scale";
export type { ExpressionInput, ValueKind, Vector } from "./expr/vector";
export { isNullAt, NULL_BOOL, trueRows, vectorToColumn } from "./expr/vector";
export { isWholeAtLeast } from "./expr/whole-number";
export { keepsLargest, meansNumbers, rollingExtreme, sumsNumbers } from "./expr/window-nodes";
export type { Fingerprint, OwnedFile } from "./output/manifest-format";
export {
  isFingerprint,
  MANIFEST_FILE,
  MANIFEST_VERSION,
  manifestVersion,
  parseManifest,
} from "./output/manifest-format";
export type { OpenLogFile } from "./output/open-log-file";
export { openLogFile, setOpenLogFile } from "./output/open-log-file";
export { TableAccumulator } from "./pipe/accumulate";
export { eitherSignal } from "./pipe/either-signal";
export {
  executePlan,
  runFirstDistinctStep,
  runKeepRows,
  runPrimitiveStep,
  withPlannedSchema,
} from "./pipe/execute";
export { keepCondition } from "./pipe/keep-condition";
export type { RanStep } from "./pipe/nest-trace";
export { nestTrace } from "./pipe/nest-trace";
export { flattenPlan, optimizePlan, rowLocalPrefixLength } from "./pipe/optimize";
export type { PlannedStep } from "./pipe/plan";
export { foldContracts, planSteps } from "./pipe/plan";
export { makeStep } from "./pipe/step";
export { primitiveTraceEntry } from "./pipe/step-trace-entry";
export { type FieldRules, fieldRules, rowCheckWords } from "./schema/field-rules";
export { backingValues } from "./schema/infer-schema";
export { attachSchema } from "./schema/registry";
export {
  type CheckDef,
  compileRule,
  crossesThreads,
  type RuleTest,
  rulesOfCheck,
  type ValueRule,
} from "./schema/value-rules";
export { toScratch } from "./time/scratch";
export {
  MAX_EPOCH_MS,
  parseIsoSecondsAt,
  parseTimestampBytes,
  parseWallClockTimestamp,
} from "./time/timestamp";
export { isZonedTimestamp, WALL_CLOCK_EXPECTED, zonedTimestampReason } from "./time/zoned";
export { builtInName, markBuiltIn } from "./transform/built-in-mark";
export { emptyContract } from "./transform/contract";
export { makeTransform } from "./transform/define-transform";
export type { TransformRuntime } from "./transform/runtime";
export type { LookupKeys } from "./values/key-kinds";
export {
  describeKinds,
  joinKeyKindsError,
  KIND_BIGINT,
  KIND_BOOLEAN,
  KIND_DATE,
  KIND_NUMBER,
  KIND_OTHER,
  KIND_STRING,
  keyKind,
  keyKinds,
  kindsNeverMatch,
  lookupKeyKindsError,
  typeKeyKinds,
} from "./values/key-kinds";
export { withoutNegativeZeros } from "./values/negative-zeros";
export { FLOAT_TEXT, INT_TEXT } from "./values/number-text";
export { firstRepeatedKey, repeatedJoinKeyError } from "./values/repeated-key";
export {
  compareValues,
  fmix,
  hashNumberInto,
  hashValueInto,
  mix,
  sameValue,
} from "./values/value-semantics";
