import { describeDroppedRowOrder } from "@tablepipe/sql/test-support";
import { duckdbParityEngine } from "./test-support";

describeDroppedRowOrder(duckdbParityEngine(1));
