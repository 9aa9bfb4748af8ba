/**
 * The ops benchmark on tablepipe: `readTable` (CSV) then the `aggregate` (with `median` and `quantile` too), `join`
 * and `addGroupMeasures` transforms.
 */
import { join as joinPath } from "node:path";
import { col, count, max, mean, median, min, quantile, sum } from "@tablepipe/core";
import { readTable, writeTable } from "@tablepipe/io";
import { addGroupMeasures, aggregate, join } from "@tablepipe/transforms";
import type { ColumnTable } from "arquero";
import * as z from "zod";
import { OPS_FILES, type Op, writtenCsvPath } from "../ops-spec";
import type { OpsEngine, ResultColumns } from "./types";

const factSchema = z.object({ id: z.int(), gkey: z.int(), jkey: z.int(), value: z.number(), qty: z.int() });
const dimSchema = z.object({ jkey: z.int(), label: z.string(), weight: z.number() });

interface Loaded {
  facts: ColumnTable;
  dims?: ColumnTable;
}

/** tablepipe: tables read by `readTable`, the operation by the general transforms. */
export const tablepipeEngine: OpsEngine<Loaded, ColumnTable> = {
  async load(dir, op) {
    const facts = (await readTable(joinPath(dir, OPS_FILES.facts), factSchema)) as ColumnTable;
    if (op !== "join") return { facts };
    return { facts, dims: (await readTable(joinPath(dir, OPS_FILES.dims), dimSchema)) as ColumnTable };
  },
  async run(op: Op, { facts, dims }) {
    const measures = {
      n: count(),
      total: sum(col("value")),
      mean_value: mean(col("value")),
      lo: min(col("qty")),
      hi: max(col("qty")),
    };
    if (op === "groupby") return aggregate(facts, { by: ["gkey"], measures }) as ColumnTable;
    if (op === "groupmeasures") return addGroupMeasures(facts, { by: ["gkey"], measures }) as ColumnTable;
    if (op === "quantiles") {
      const quantiles = {
        n: count(),
        median_value: median(col("value")),
        p90_value: quantile(col("value"), 0.9),
      };
      return aggregate(facts, { by: ["gkey"], measures: quantiles }) as ColumnTable;
    }
    if (op === "writecsv") {
      await writeTable(facts, writtenCsvPath("tablepipe"));
      return facts;
    }
    if (dims === undefined) throw new Error("join: the dimension table was not loaded");
    return join(facts, { right: dims, on: ["jkey"], how: "inner" }) as ColumnTable;
  },
  async rows(result) {
    return result.numRows();
  },
  async columns(op, table) {
    // the written file, read back (each engine reads its own)
    const result =
      op === "writecsv" ? ((await readTable(writtenCsvPath("tablepipe"), factSchema)) as ColumnTable) : table;
    const out: ResultColumns = {};
    for (const name of result.columnNames()) out[name] = result.array(name) as ArrayLike<number | string>;
    return out;
  },
};
