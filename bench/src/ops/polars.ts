/**
 * The ops benchmark on nodejs-polars: eager data frames read from the CSV, `groupBy().agg()` (the quantiles too),
 * `join`, `over()`.
 */
import { join as joinPath } from "node:path";
import pl from "nodejs-polars";
import { OPS_FILES, type Op, writtenCsvPath } from "../ops-spec";
import type { OpsEngine, ResultColumns } from "./types";

type Frame = ReturnType<typeof pl.readCSV>;

interface Loaded {
  facts: Frame;
  dims?: Frame;
}

/** The fact table's CSV, read with its declared schema. */
const readFacts = (path: string): Frame =>
  pl.readCSV(path, {
    hasHeader: true,
    schema: { id: pl.Int64, gkey: pl.Int64, jkey: pl.Int64, value: pl.Float64, qty: pl.Int64 },
  });

/** nodejs-polars: CSV read with a declared schema, the operation eager (polars uses every core). */
export const polarsEngine: OpsEngine<Loaded, Frame> = {
  async load(dir, op) {
    const facts = readFacts(joinPath(dir, OPS_FILES.facts));
    if (op !== "join") return { facts };
    const dims = pl.readCSV(joinPath(dir, OPS_FILES.dims), {
      hasHeader: true,
      schema: { jkey: pl.Int64, label: pl.Utf8, weight: pl.Float64 },
    });
    return { facts, dims };
  },
  async run(op: Op, { facts, dims }) {
    const measures = [
      pl.len().alias("n"),
      pl.col("value").sum().alias("total"),
      pl.col("value").mean().alias("mean_value"),
      pl.col("qty").min().alias("lo"),
      pl.col("qty").max().alias("hi"),
    ];
    if (op === "groupby") return facts.groupBy("gkey").agg(...measures);
    if (op === "groupmeasures") return facts.withColumns(...measures.map((m) => m.over("gkey")));
    if (op === "quantiles") {
      return facts
        .groupBy("gkey")
        .agg(
          pl.len().alias("n"),
          pl.col("value").median().alias("median_value"),
          pl.col("value").quantile(0.9, "linear").alias("p90_value"),
        );
    }
    if (op === "writecsv") {
      facts.writeCSV(writtenCsvPath("polars"));
      return facts;
    }
    if (dims === undefined) throw new Error("join: the dimension table was not loaded");
    return facts.join(dims, { on: "jkey", how: "inner" });
  },
  async rows(result) {
    return result.height;
  },
  async columns(op, frame) {
    const result = op === "writecsv" ? readFacts(writtenCsvPath("polars")) : frame;
    const out: ResultColumns = {};
    for (const name of result.columns) {
      const series = result.getColumn(name);
      const text = /String|Utf8/.test(String(series.dtype));
      out[name] = text ? (series.toArray() as string[]) : (series.cast(pl.Float64).toArray() as number[]);
    }
    return out;
  },
};
