import { describeOwnRenderingContract } from "@tablepipe/sql/test-support";
import { duckdbParityEngine } from "./test-support";

describeOwnRenderingContract(duckdbParityEngine(1));
