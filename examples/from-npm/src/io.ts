// The README example of @tablepipe/io (see core.ts for how it is checked).
// #region example
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { formatTimestamp } from "@tablepipe/core";
import { describeRead, readTableWithReport, writeTable } from "@tablepipe/io";
import * as aq from "arquero";
import * as z from "zod";

/** The row schema: a column name and a zod type per column (z.date() is a zone-less time stamp). */
const Order = z.object({ order_id: z.int(), ordered_at: z.date(), amount: z.number() });

export async function ioExample() {
  const folder = await mkdtemp(join(tmpdir(), "tablepipe-io-"));
  const orders = aq.table({
    order_id: [1, 2],
    ordered_at: [Date.UTC(2024, 0, 15, 9, 30), Date.UTC(2024, 1, 2, 18)],
    amount: [12.5, 40],
  });
  await writeTable(orders, join(folder, "orders.csv"), { schema: Order }); // written whole, then renamed
  const { table, report } = await readTableWithReport(join(folder, "orders.csv"), Order);
  return {
    rows: table.numRows(),
    first: formatTimestamp(table.get("ordered_at", 0) as number), // "2024-01-15T09:30:00"
    log: describeRead(report).summary, // "read 2 rows from …/orders.csv in 3 ms": the caller decides where it goes
  };
}
// #endregion example
