import { describeStampTextParity } from "@tablepipe/sql/test-support";
import { duckdbParityEngine } from "./test-support";

describeStampTextParity(duckdbParityEngine(30));
