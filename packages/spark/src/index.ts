/**
 * @tablepipe/spark: run a pipe on Apache Spark through Spark Connect. Each step with a SQL rendering becomes a
 * CTE of one Spark SQL query; the longest renderable prefix runs on Spark, the rest in process. In-memory
 * tables travel as Arrow local relations; files and tables are read by Spark. Results equal the in-process
 * ones (property-tested against a real Spark). The Spark Connect client (gRPC, protobuf, Arrow) is exported too.
 * @packageDocumentation
 */

export { arrowToTable } from "./client/arrow";
export type { SparkErrorKind } from "./client/errors";
export { SparkLoadError, SparkQueryError } from "./client/errors";
export type { SparkRemote } from "./client/remote";
export { parseRemote, SparkRemoteError } from "./client/remote";
export type { ArrowResult, SparkCallOptions } from "./client/spark-connect-client";
export { SparkConnectClient } from "./client/spark-connect-client";
export type { ColumnType } from "./engine/column-types";
export { columnTypesOf } from "./engine/column-types";
export type { FileSchema } from "./engine/file-schema";
export type { SparkPipeResult, SparkRunOptions, SparkStepPlacement } from "./engine/run-on-spark";
export { runOnSpark } from "./engine/run-on-spark";
export type { SchemaFiles, SparkFileFormat, SparkFileOptions, SparkSource } from "./engine/sources";
export { SPARK_TYPES, sparkFiles, sparkTable } from "./engine/sources";
export type { SparkReport } from "./engine/spark-engine";
export { spark } from "./engine/spark-engine";
export { SESSION_CONFIG, SparkSession } from "./engine/spark-session";
