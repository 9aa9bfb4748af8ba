import type { Table } from "@tablepipe/core";
import { table } from "arquero";
import type { CustomerColumns, OrderColumns } from "./order-rows";

/** A seeded pseudo-random generator (mulberry32): the same seed gives the same numbers on every machine. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NAMES = ["Ann", "Bo", "Chiara", "Dev", "Emeka", "Fumiko", "Gus", "Hana"];
const COUNTRIES = ["FR", "DE", "IT", "JP", "NG"];
const STATUSES = ["paid", "paid", "paid", "shipped", "cancelled"];

/** Generated orders and their customers. */
export interface GeneratedOrders {
  readonly orders: Table<OrderColumns>;
  readonly customers: Table<CustomerColumns>;
}

/**
 * `count` orders of `customerCount` customers during 2024, seeded: order ids 1..count, times at whole minutes
 * (epoch milliseconds of the wall clock), quantities 1-5, unit prices 2.50-99.50 in steps of 0.5, about one
 * order in five cancelled.
 *
 * @example const { orders, customers } = generateOrders({ count: 1000, customerCount: 50, seed: 7 });
 */
export function generateOrders(options: {
  count: number;
  customerCount: number;
  seed: number;
}): GeneratedOrders {
  const { count, customerCount, seed } = options;
  const random = seeded(seed);
  const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)]!;
  const start = Date.UTC(2024, 0, 1);
  const minutesInYear = 366 * 24 * 60;
  const orders = table({
    order_id: Float64Array.from({ length: count }, (_, i) => i + 1),
    customer_id: Float64Array.from({ length: count }, () => 1 + Math.floor(random() * customerCount)),
    ordered_at: Float64Array.from(
      { length: count },
      () => start + Math.floor(random() * minutesInYear) * 60_000,
    ),
    status: Array.from({ length: count }, () => pick(STATUSES)),
    quantity: Float64Array.from({ length: count }, () => 1 + Math.floor(random() * 5)),
    unit_price: Float64Array.from({ length: count }, () => 2.5 + Math.floor(random() * 195) / 2),
  }) as Table<OrderColumns>;
  const customers = table({
    customer_id: Float64Array.from({ length: customerCount }, (_, i) => i + 1),
    name: Array.from({ length: customerCount }, (_, i) => `${pick(NAMES)} ${i + 1}`),
    country: Array.from({ length: customerCount }, () => pick(COUNTRIES)),
  }) as Table<CustomerColumns>;
  return { orders, customers };
}
