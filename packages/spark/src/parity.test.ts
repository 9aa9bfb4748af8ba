import {
  describeFloatSumParity,
  describeJoinValidateParity,
  describeParity,
  describeQuantileParity,
  describeStddevParity,
  describeTipModelParity,
  describeTypedParity,
} from "@tablepipe/sql/test-support";
import { sparkParityEngine } from "./test-support";

/** Runs against the Spark Connect server the global setup found (`pnpm spark:start`); none: declared, not run. */
// a query on a local Spark takes ~0.5-1 s: 5 cases per property keep the suite near 2 minutes
const { engine, enabled } = sparkParityEngine(5);

describeParity(engine, enabled);
describeTipModelParity(engine, 4000, enabled);
describeTypedParity(engine, enabled);
describeStddevParity(engine, enabled);
describeQuantileParity(engine, enabled);
describeFloatSumParity(engine, enabled);
describeJoinValidateParity(engine, enabled);
