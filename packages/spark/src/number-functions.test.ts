import { describeNumberFunctionsParity } from "@tablepipe/sql/test-support";
import { sparkParityEngine } from "./test-support";

/** Runs against the Spark Connect server the global setup found (`pnpm spark:start`); none: declared, not run. */
const { engine, enabled } = sparkParityEngine(5);

// with ints past 2^53 and -2^63, which Spark ships and reads back as in process holds them
describeNumberFunctionsParity(engine, enabled, true);
