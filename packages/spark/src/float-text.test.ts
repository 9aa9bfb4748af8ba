import { describeFloatTextParity } from "@tablepipe/sql/test-support";
import { sparkParityEngine } from "./test-support";

/** Runs against the Spark Connect server the global setup found (`pnpm spark:start`); none: declared, not run. */
const { engine, enabled } = sparkParityEngine(5);

/** Past 2^53 and below 1e-6, the numbers whose digits Java 17 writes shortest, as JavaScript does. */
const BEYOND = [
  1e-7,
  -1.5e-7,
  2.5e-10,
  9.99e-7,
  1e-6,
  0.00001,
  0.000012345,
  2.2250738585072014e-308,
  1e-300,
  2 ** 53,
  2 ** 53 + 2,
  -(2 ** 53 + 4),
  1e16,
  1e20,
  123456789012345680000,
  1e21,
  -1e21,
  1.5e300,
  1.7976931348623157e308,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
];

// every normal double (from 2^-1022): Java's digits are the shortest below 2^53 (subnormals: `4.9E-324`)
describeFloatTextParity(engine, enabled, { smallest: 2.2250738585072014e-308, beyond: BEYOND });
