import { describeReshapeParity } from "@tablepipe/sql/test-support";
import { duckdbParityEngine } from "./test-support";

describeReshapeParity(duckdbParityEngine(30));
