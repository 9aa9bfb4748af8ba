import { describeWideNumberCastParity } from "@tablepipe/sql/test-support";
import { duckdbParityEngine } from "./test-support";

// DECIMAL and HUGEINT, as a user's step or an int sum (HUGEINT) gives them
describeWideNumberCastParity(duckdbParityEngine(1), true, true);
