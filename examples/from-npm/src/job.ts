// The README example of @tablepipe/job (see core.ts for how it is checked).
// #region example
import { pipe, type Table } from "@tablepipe/core";
import { Job, parseConfig } from "@tablepipe/job";
import * as aq from "arquero";
import * as z from "zod";

/** One config schema: typed config, flags (`--min-amount`), `--help` and a JSON config file come from it. */
const OrdersConfig = z.object({
  min_amount: z.number().min(0).default(10).describe("smallest order kept"),
});

class BigOrders extends Job<z.output<typeof OrdersConfig>, { orders: Table; big: Table }> {
  async run() {
    await this.extract();
    await this.transform();
  }
  extract() {
    return this.stage("extract", () => {
      this.tables.orders = aq.table({ order_id: [1, 2, 3], amount: [5, 12.5, 40] });
    });
  }
  transform() {
    return this.stage("transform", async () => {
      const min = this.config.min_amount;
      const big = (d: { amount: number }) => d.amount >= min;
      this.tables.big = (await this.runPipe("transform", pipe(this.table("orders"))))
        .filter(aq.escape(big))
        .reify();
    });
  }
}

export async function jobExample(argv: readonly string[]) {
  const parsed = parseConfig(OrdersConfig, argv, { command: "big-orders" });
  if (parsed.kind !== "config") return parsed.text; // --help
  const job = new BigOrders(parsed.config);
  await job.run();
  return job.table("big").numRows(); // ["--min-amount", "12"] -> 2
}
// #endregion example
