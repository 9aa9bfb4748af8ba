import type { Pipe } from "@tablepipe/core";
import { columnTypesOf, runOnSpark, type SparkPipeResult, type SparkStepPlacement } from "@tablepipe/spark";
import { taxiTripSchema, taxiZoneGeoSchema } from "../data/index";

/** The column types the trips and the zone lookup are shipped to Spark with (time stamps as TIMESTAMP_NTZ). */
const TIP_MODEL_COLUMN_TYPES = { ...columnTypesOf(taxiZoneGeoSchema), ...columnTypesOf(taxiTripSchema) };

/**
 * Run the transform stage's pipe on Spark through Spark Connect at `remote`: the trips and zones are shipped
 * as local relations, every step runs there as one query, and the session is released afterwards. An aborted
 * `signal` interrupts the query running on Spark.
 * @example await transformOnSpark(pipe(trips).step(filter), "sc://localhost:15002", signal)
 */
export function transformOnSpark<C extends string>(
  pipeline: Pipe<C>,
  remote: string,
  signal?: AbortSignal,
): Promise<SparkPipeResult<C>> {
  return runOnSpark(pipeline, {
    remote,
    columnTypes: TIP_MODEL_COLUMN_TYPES,
    ...(signal === undefined ? {} : { signal }),
  });
}

/**
 * One line saying which steps ran where.
 * @example sparkPlacementLine([{ step: "sortRows", engine: "spark" }]) // "engine spark: on Spark: sortRows; in process: none"
 */
export function sparkPlacementLine(placement: readonly SparkStepPlacement[]): string {
  const on = (engine: SparkStepPlacement["engine"]): string =>
    placement
      .filter((p) => p.engine === engine)
      .map((p) => p.step)
      .join(", ") || "none";
  return `engine spark: on Spark: ${on("spark")}; in process: ${on("in-process")}`;
}
