import { describeNumberFunctionsParity } from "@tablepipe/sql/test-support";
import { duckdbParityEngine } from "./test-support";

describeNumberFunctionsParity(duckdbParityEngine(30), true, true);
