import * as z from "zod";

/** One order of the e-commerce example: who ordered, when (a wall-clock time stamp), its status and amount. */
export const Order = z.object({
  order_id: z.int().default(1),
  customer_id: z.int().default(1),
  ordered_at: z.date().default(new Date(Date.UTC(2024, 0, 1, 9))),
  status: z.string().default("paid"),
  quantity: z.int().default(1),
  unit_price: z.number().default(10),
});

/** One customer of the e-commerce example. */
export const Customer = z.object({
  customer_id: z.int().default(1),
  name: z.string().default("Ann"),
  country: z.string().default("FR"),
});

/** The columns of an orders table. */
export type OrderColumns = keyof z.output<typeof Order> & string;
/** The columns of a customers table. */
export type CustomerColumns = keyof z.output<typeof Customer> & string;
