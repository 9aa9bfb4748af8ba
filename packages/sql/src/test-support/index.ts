/**
 * Test support for the SQL engines (`@tablepipe/sql/test-support`, tests only, not published): the parity
 * property suite of every rendered transform, the tip model's parity, random tables, and table comparison.
 */
export { describeCastRowErrors } from "./cast-row-errors-suite";
export { describeConcatParity } from "./concat-suite";
export { describeDatePartsParity } from "./date-parts-suite";
export { describeDateTimestampParity } from "./date-timestamp-suite";
export { describeDroppedRowOrder } from "./dropped-row-order-suite";
export { describeEncodeFlagParity } from "./encode-flag-suite";
export { expectParity, expectSameFailure, inProcessMessage, type ParityEngine } from "./expect-parity";
export { describeFloatSumParity } from "./float-sum-suite";
export { describeFloatTextParity, type FloatTextRange } from "./float-text-suite";
export { describeJoinValidateParity } from "./join-validate-suite";
export { describeMathFunctionsParity } from "./math-functions-suite";
export { describeMeasureCastErrors } from "./measure-cast-suite";
export { describeMissingOrderParity } from "./missing-order-suite";
export { describeNaNCastParity } from "./nan-cast-suite";
export {
  describeNaNAsNullParity,
  expectNaNParity,
  NAN_ROWS,
  NAN_TYPES,
  nanPipes,
  nanTable,
} from "./nan-null-suite";
export { describeNumberFunctionsParity } from "./number-functions-suite";
export { describeNumberTextParity } from "./number-text-suite";
export { aboveZero, describeOwnRenderingContract } from "./own-rendering-suite";
export { describeParityAtScale } from "./parity-at-scale-suite";
export { describeParity } from "./parity-suite";
export { describePrunedCastErrors } from "./pruned-cast-suite";
export { describeQuantileParity } from "./quantile-suite";
export {
  fixedOrders,
  lookupTable,
  ORDER_TYPES,
  type OrderRow,
  orderRows,
  ordersTable,
  STAMPS,
} from "./random-tables";
export { describeReshapeParity } from "./reshape-suite";
export { describeSameNamedTransform } from "./same-name-suite";
export { expectSameTable, normalCell, normalRows } from "./same-table";
export { describeSignedZeroParity } from "./signed-zero-suite";
export { describeStampSumParity } from "./stamp-sum-suite";
export { describeStampTextParity } from "./stamp-text-suite";
export { describeStddevParity } from "./stddev-suite";
export { describeStringLiteralParity } from "./string-literal-suite";
export { describeTipModelParity } from "./tip-model-suite";
export { describeTypedParity } from "./typed-parity-suite";
export { describeWideNumberCastParity } from "./wide-number-cast-suite";
export { describeWindowOffsetParity } from "./window-offset-suite";
