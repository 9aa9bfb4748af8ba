import { describeSameNamedTransform } from "@tablepipe/sql/test-support";
import { duckdbParityEngine } from "./test-support";

describeSameNamedTransform(duckdbParityEngine(1));
