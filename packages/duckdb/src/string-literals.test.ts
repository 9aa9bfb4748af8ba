import { describeStringLiteralParity } from "@tablepipe/sql/test-support";
import { duckdbParityEngine } from "./test-support";

describeStringLiteralParity(duckdbParityEngine(30));
