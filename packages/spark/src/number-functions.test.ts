import { describeNumberFunctionsParity } from "@tablepipe/sql/test-support";
import { sparkParityEngine } from "./test-support";

/** Runs against the Spark Connect server the global setup found (`pnpm spark:start`); none: declared, not run. */
const { engine, enabled } = sparkParityEngine(5);

// Spark ships ints up to 2^53 only: the cases hold no bigger one
describeNumberFunctionsParity(engine, enabled);
