import { describeNumberTextParity } from "@tablepipe/sql/test-support";
import { duckdbParityEngine } from "./test-support";

describeNumberTextParity(duckdbParityEngine(1));
