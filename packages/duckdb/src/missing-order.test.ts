import { describeMissingOrderParity } from "@tablepipe/sql/test-support";
import { duckdbParityEngine } from "./test-support";

describeMissingOrderParity(duckdbParityEngine(1));
