import { describeWindowOffsetParity } from "@tablepipe/sql/test-support";
import { duckdbParityEngine } from "./test-support";

const engine = duckdbParityEngine(1);

describeWindowOffsetParity(engine);
