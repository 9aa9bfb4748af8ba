import type * as z from "zod";

/**
 * A config schema: a zod object schema (refinements and a final `.transform` allowed) whose fields carry
 * defaults and `.describe()` texts.
 */
export type ConfigSchema = z.ZodType<unknown, Record<string, unknown>>;
