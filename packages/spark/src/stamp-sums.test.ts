import { describeStampSumParity } from "@tablepipe/sql/test-support";
import { sparkParityEngine } from "./test-support";

/** Runs against the Spark Connect server the global setup found (`pnpm spark:start`); none: declared, not run. */
const { engine, enabled } = sparkParityEngine(1);

// with fractions of a millisecond, which Spark's loaded time stamps keep to the microsecond as DuckDB's do
describeStampSumParity(engine, enabled, true);
