import { describeConcatParity } from "@tablepipe/sql/test-support";
import { duckdbParityEngine } from "./test-support";

describeConcatParity(duckdbParityEngine(30));
