import { describeWideNumberCastParity } from "@tablepipe/sql/test-support";
import { duckdbParityEngine } from "./test-support";

// DECIMAL and DuckDB's integers wider than BIGINT, as a user's step or an int sum (HUGEINT) gives them
describeWideNumberCastParity(duckdbParityEngine(1), true, ["HUGEINT", "UBIGINT", "UHUGEINT"]);
