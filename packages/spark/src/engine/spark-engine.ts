import type { PipeEngine } from "@tablepipe/core";
import type { SparkRemote } from "../client/remote";
import { runOnSpark, type SparkPipeResult, type SparkRunOptions } from "./run-on-spark";
import type { SparkSession } from "./spark-session";

/** What a run on Spark reports besides the table and trace: the query and where each step ran. */
export type SparkReport = Omit<SparkPipeResult<string>, "table" | "trace">;

/**
 * The Spark engine for `Pipe.run`: the pipe's longest SQL-renderable prefix runs on Spark (through Spark
 * Connect) as one query, the rest in process (see {@link runOnSpark}, which takes the same options).
 * @example const { table, trace, placement } = await pipe(trips).transform(dropDuplicates).run({ engine: spark("sc://localhost:15002") });
 */
export function spark(
  remote: string | SparkRemote | SparkSession,
  options: Omit<SparkRunOptions, "remote"> = {},
): PipeEngine<SparkReport> {
  return {
    name: "spark",
    runPipe: (pipe) => runOnSpark(pipe, { ...options, remote }),
  };
}
