import type * as z from "zod";

/**
 * A zod object schema describing one row of a table: a column name and a type per field. The same schema
 * types a read (`readTable(path, Trip)` in @tablepipe/io) and the rows of a test (`rowFactory(Trip)` in
 * @tablepipe/testing), where the fields' `.default()`s fill in the values a test does not name.
 * @example const Order = z.object({ order_id: z.int(), ordered_at: z.date(), amount: z.number() }) satisfies RowSchema;
 */
export type RowSchema = z.ZodObject<z.core.$ZodShape, z.core.$ZodObjectConfig>;
