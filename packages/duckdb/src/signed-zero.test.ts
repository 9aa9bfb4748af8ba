import { describeSignedZeroParity } from "@tablepipe/sql/test-support";
import { duckdbParityEngine } from "./test-support";

describeSignedZeroParity(duckdbParityEngine(1));
