import { describeMathFunctionsParity } from "@tablepipe/sql/test-support";
import { duckdbParityEngine } from "./test-support";

describeMathFunctionsParity(duckdbParityEngine(30));
