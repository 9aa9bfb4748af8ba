import { describeFloatTextParity } from "@tablepipe/sql/test-support";
import { duckdbParityEngine } from "./test-support";

// DuckDB's shortest text agrees from 1e-4 on (below it `1e-05`); past 2^53 `1e+16` (docs/engines.md)
describeFloatTextParity(duckdbParityEngine(20), true, { smallest: 1e-4, beyond: [] });
