import type { PipeEngine } from "@tablepipe/core";
import { eitherSignal } from "@tablepipe/core/internal";
import type { SparkRemote } from "../client/remote";
import { runOnSpark, type SparkPipeResult, type SparkRunOptions } from "./run-on-spark";
import type { SparkSession } from "./spark-session";

/** What a run on Spark reports besides the table and trace: the query and where each step ran. */
export type SparkReport = Omit<SparkPipeResult<string>, "table" | "trace">;

/**
 * The Spark engine for `Pipe.run`: the pipe's longest SQL-renderable prefix runs on Spark (through Spark
 * Connect) as one query, the rest in process (see {@link runOnSpark}, which takes the same options).
 * `pipe.run({ engine: spark(remote), signal })` interrupts the query on Spark when `signal` is aborted.
 * @example const { table, trace, placement } = await pipe(trips).transform(dropDuplicates).run({ engine: spark("sc://localhost:15002") });
 */
export function spark(
  remote: string | SparkRemote | SparkSession,
  options: Omit<SparkRunOptions, "remote"> = {},
): PipeEngine<SparkReport> {
  return {
    name: "spark",
    runPipe: (pipe, run) => {
      const signal = eitherSignal(options.signal, run?.signal);
      return runOnSpark(pipe, { ...options, remote, ...(signal === undefined ? {} : { signal }) });
    },
  };
}
