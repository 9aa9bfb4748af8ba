import { describeDatePartsParity } from "@tablepipe/sql/test-support";
import { duckdbParityEngine } from "./test-support";

describeDatePartsParity(duckdbParityEngine(30));
