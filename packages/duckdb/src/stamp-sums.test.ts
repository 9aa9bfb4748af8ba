import { describeStampSumParity } from "@tablepipe/sql/test-support";
import { duckdbParityEngine } from "./test-support";

const engine = duckdbParityEngine(1);

// DuckDB keeps a fraction of a millisecond in a time stamp (to the microsecond): the cases hold some
describeStampSumParity(engine, true, true);
