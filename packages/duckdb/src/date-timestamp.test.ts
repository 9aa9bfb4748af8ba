import { describeDateTimestampParity } from "@tablepipe/sql/test-support";
import { duckdbParityEngine } from "./test-support";

describeDateTimestampParity(duckdbParityEngine(30));
