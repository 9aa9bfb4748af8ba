import { describeDatePartsParity } from "@tablepipe/sql/test-support";
import { sparkParityEngine } from "./test-support";

/** Runs against the Spark Connect server the global setup found (`pnpm spark:start`); none: declared, not run. */
const { engine, enabled } = sparkParityEngine(5);

describeDatePartsParity(engine, enabled);
