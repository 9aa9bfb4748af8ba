import * as aq from "arquero";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as z from "zod";
import { add, coalesce, col, div, gt, isNull, month, mul, sub, truncate } from "../expr/build";
import { count, max, mean, sum } from "../expr/measures";
import { expressionType, measureType } from "../expr/types";
import { pipe } from "../pipe/pipe";
import { adds, needs } from "../transform/column-params";
import { defineTransform } from "../transform/define-transform";
import {
  ColumnExistsError,
  ColumnTypeError,
  ContractViolationError,
  SchemaMismatchError,
} from "../transform/errors";
import { firstMisfit } from "./conforms";
import { schemaFromRowSchema } from "./from-row-schema";
import { inferColumnType } from "./infer-schema";
import { meetsRequirement, requirementHint } from "./logical-types";
import { declaredSchema, schemaOf } from "./registry";
import { toArquero, typedTable } from "./typed-table";

const Order = z.object({
  id: z.int(),
  amount: z.number().nullable(),
  status: z.enum(["paid", "open"]),
  paid: z.boolean().optional(),
  ordered_at: z.date(),
  day: z
    .date()
    .meta({ logicalType: "date" })
    .default(null as never),
});
const at = (d: number) => Date.UTC(2024, 0, d, 9);

describe("column types", () => {
  it("reads a zod row schema: ints, floats, strings, booleans, time stamps, dates, nullability", () => {
    expect(schemaFromRowSchema(Order)).toEqual({
      id: { type: "int", nullable: false },
      amount: { type: "float", nullable: true },
      status: { type: "string", nullable: false },
      paid: { type: "boolean", nullable: true },
      ordered_at: { type: "timestamp", nullable: false },
      day: { type: "date", nullable: true },
    });
    expect(() => schemaFromRowSchema(z.object({ tags: z.array(z.string()) }))).toThrow(
      'column "tags": zod type "array" has no column type',
    );
  });

  it("types a plain arquero table from its values", () => {
    expect(inferColumnType(Float64Array.of(1, Number.NaN))).toEqual({
      type: "float",
      nullable: true,
      fromValues: true,
    });
    expect(inferColumnType(Int32Array.of(1))).toEqual({ type: "int", nullable: false, fromValues: true });
    expect(inferColumnType([1, 2, null])).toEqual({ type: "int", nullable: true, fromValues: true });
    expect(inferColumnType([1, 2.5])).toMatchObject({ type: "float" });
    expect(inferColumnType(["a", undefined])).toMatchObject({ type: "string", nullable: true });
    expect(inferColumnType([new Date(0)])).toMatchObject({ type: "timestamp" });
    expect(inferColumnType([true, false])).toMatchObject({ type: "boolean" });
    expect(inferColumnType([null])).toMatchObject({ type: "unknown", nullable: true });
    expect(inferColumnType([1, "a"])).toMatchObject({ type: "unknown" });
  });

  it("accepts ints for floats and anything for unknown, never numbers for time stamps", () => {
    expect(meetsRequirement({ type: "int", nullable: false }, "float")).toBe(true);
    expect(meetsRequirement({ type: "float", nullable: false }, "int")).toBe(false);
    expect(meetsRequirement({ type: "float", nullable: false }, "timestamp")).toBe(false);
    expect(meetsRequirement({ type: "float", nullable: false, fromValues: true }, "timestamp")).toBe(false);
    expect(requirementHint("at", { type: "int", nullable: false, fromValues: true }, "date")).toMatch(
      /^a plain table's numbers are not time stamps: if "at" holds epoch milliseconds, declare it with typedTable\(table, \{ "at": \{ type: "date"/,
    );
    expect(requirementHint("at", { type: "int", nullable: false }, "date")).toBeUndefined();
    expect(
      requirementHint("at", { type: "string", nullable: false, fromValues: true }, "date"),
    ).toBeUndefined();
    expect(meetsRequirement({ type: "string", nullable: false, fromValues: true }, "timestamp")).toBe(false);
    expect(meetsRequirement({ type: "unknown", nullable: true }, ["int", "float"])).toBe(true);
  });

  it("finds the first value that breaks a type", () => {
    expect(firstMisfit([1, 2.5], { type: "int", nullable: false })).toEqual({ row: 1, value: 2.5 });
    expect(firstMisfit([1, null], { type: "int", nullable: false })).toEqual({ row: 1, value: null });
    expect(firstMisfit([1, null], { type: "int", nullable: true })).toBeUndefined();
    expect(firstMisfit(Float64Array.of(1, Number.NaN), { type: "timestamp", nullable: false })?.row).toBe(1);
    expect(firstMisfit([Date.UTC(2024, 0, 1), at(2)], { type: "date", nullable: false })).toEqual({
      row: 1,
      value: at(2),
    });
    expect(firstMisfit(["a"], { type: "boolean", nullable: true })).toEqual({ row: 0, value: "a" });
  });

  it("finds in a Float64Array what it finds in the same numbers as an array, for every number type", () => {
    const number = fc.oneof(
      fc.integer({ min: -5, max: 5 }),
      fc.constantFrom(0.5, -0, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 2 ** 60),
    );
    const type = fc.record({
      type: fc.constantFrom("int" as const, "float" as const, "timestamp" as const, "unknown" as const),
      nullable: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(number, { maxLength: 12 }), type, (numbers, columnType) => {
        const typed = firstMisfit(Float64Array.from(numbers), columnType);
        const plain = firstMisfit([...Float64Array.from(numbers)], columnType);
        expect(typed?.row).toBe(plain?.row);
        expect(Object.is(typed?.value, plain?.value)).toBe(true);
      }),
      { numRuns: 500 },
    );
    expect(
      firstMisfit(Float64Array.of(1, Number.POSITIVE_INFINITY), { type: "timestamp", nullable: true }),
    ).toEqual({ row: 1, value: Number.POSITIVE_INFINITY });
  });
});

describe("typedTable", () => {
  const plain = () =>
    aq.table({
      id: [1, 2],
      amount: [1.5, null],
      status: ["paid", "open"],
      paid: [true, null],
      ordered_at: Float64Array.of(at(1), at(2)),
      day: [Date.UTC(2024, 0, 1), null],
    });

  it("gives a table its schema, checked, without touching the arquero table", () => {
    const input = plain();
    const typed = typedTable(input, Order);
    expect(schemaOf(typed).ordered_at).toEqual({ type: "timestamp", nullable: false });
    expect(declaredSchema(input)).toBeUndefined();
    expect(schemaOf(input).ordered_at).toMatchObject({ type: "float", fromValues: true });
    expect(typed.column("ordered_at")).toBe(input.column("ordered_at"));
    expect(toArquero(typed).objects()).toEqual(input.objects());
  });

  it("names the column, row, value and type that do not fit", () => {
    const bad = plain().assign({ id: [1, 2.5] });
    expect(() => typedTable(bad, Order)).toThrow(SchemaMismatchError);
    expect(() => typedTable(bad, Order)).toThrow(
      'typedTable: column "id" should be int, but row 1 holds number 2.5',
    );
    expect(() => typedTable(plain().select("id"), Order)).toThrow(/the table lacks "amount", "status"/);
    expect(() => typedTable(aq.table({ x: ["a"] }), { x: { type: "int", nullable: false } })).toThrow(
      'column "x" should be int, but row 0 holds "a"',
    );
  });
});

describe("expression and measure types", () => {
  const schema = {
    a: { type: "int", nullable: false },
    b: { type: "float", nullable: true },
    at: { type: "timestamp", nullable: false },
  } as const;
  it("follows the expression tree", () => {
    expect(expressionType(add(col("a"), 1), schema)).toEqual({ type: "int", nullable: false });
    expect(expressionType(add(col("a"), col("b")), schema)).toEqual({ type: "float", nullable: true });
    expect(expressionType(div(col("a"), 2), schema)).toEqual({ type: "float", nullable: true });
    expect(expressionType(gt(col("a"), 2), schema)).toEqual({ type: "boolean", nullable: false });
    expect(expressionType(isNull(col("b")), schema)).toEqual({ type: "boolean", nullable: false });
    expect(expressionType(month(col("at")), schema)).toEqual({ type: "int", nullable: false });
    expect(expressionType(truncate(col("at"), "day"), schema)).toEqual({
      type: "timestamp",
      nullable: false,
    });
    expect(expressionType(col("nope"), schema).type).toBe("unknown");
    expect(expressionType(coalesce(col("a"), 1.5), schema)).toEqual({ type: "float", nullable: false });
  });
  it("makes arithmetic on a float nullable, as an infinity in it gives NaN, a null", () => {
    const floats = { f: { type: "float", nullable: false }, a: { type: "int", nullable: false } } as const;
    for (const expr of [sub(col("f"), col("f")), mul(col("f"), 0), add(col("a"), col("f"))]) {
      expect(expressionType(expr, floats)).toEqual({ type: "float", nullable: true });
    }
    expect(expressionType(mul(col("a"), col("a")), floats)).toEqual({ type: "int", nullable: false });
  });
  it("types measures", () => {
    expect(measureType(count(), schema)).toEqual({ type: "int", nullable: false });
    expect(measureType(sum(col("a")), schema)).toEqual({ type: "int", nullable: true });
    expect(measureType(mean(col("a")), schema)).toEqual({ type: "float", nullable: true });
    expect(measureType(max(col("at")), schema)).toEqual({ type: "timestamp", nullable: true });
  });
});

describe("typed contracts", () => {
  const hourOf = defineTransform({
    name: "hourOf",
    columns: { column: needs({ type: "timestamp" }), output: adds({ type: "int", default: "hour" }) },
    apply: (table, { column, output }) =>
      table.assign({
        [output]: Array.from(table.array(column) as ArrayLike<number>, (ms) => new Date(ms).getUTCHours()),
      }),
  });
  const orders = () =>
    typedTable(aq.table({ ordered_at: Float64Array.of(at(1)), note: ["x"] }), {
      ordered_at: { type: "timestamp", nullable: false },
      note: { type: "string", nullable: false },
    });

  it("checks types in the pre-flight, before any row is read, naming step, column, expected and found", () => {
    // The compiler rejects it too (note is a string column); the run-time pre-flight is what this tests.
    // @ts-expect-error step "hourOf" needs column "note" (timestamp), but it is string
    const steps = pipe(orders()).transform(hourOf, { column: "note" });
    expect(() => steps.check()).toThrow(ColumnTypeError);
    expect(() => steps.check()).toThrow(
      'step "hourOf(note)" needs column "note" (timestamp), but it is string',
    );
    expect(pipe(orders()).transform(hourOf, { column: "ordered_at" }).check()).toEqual([
      "ordered_at",
      "note",
      "hour",
    ]);
  });

  it("refuses to add a column that exists, unless the step replaces it", () => {
    expect(() => hourOf(orders(), { column: "ordered_at", output: "note" })).toThrow(ColumnExistsError);
    expect(() => hourOf(orders(), { column: "ordered_at", output: "note" })).toThrow(
      'step "hourOf" adds column "note", but the table already has "note" (string)',
    );
    const overwrite = defineTransform({
      name: "overwrite",
      columns: { output: adds({ type: "int" }) },
      contract: ({ output }) => ({ replaces: [output] }),
      apply: (table, { output }) => table.assign({ [output]: [1] }),
    });
    expect(schemaOf(overwrite(orders(), { output: "note" })).note).toEqual({ type: "int", nullable: false });
  });

  it("carries the schema after each step, in a pipe and called directly", () => {
    const out = pipe(orders()).transform(hourOf, { column: "ordered_at" }).value();
    expect(schemaOf(out).hour).toEqual({ type: "int", nullable: false });
    expect(schemaOf(out).ordered_at).toEqual({ type: "timestamp", nullable: false });
    expect(declaredSchema(hourOf(orders(), { column: "ordered_at" }))?.hour?.type).toBe("int");
  });

  it("verifies the declared types of what an implementation returned", () => {
    const liar = defineTransform({
      name: "liar",
      columns: { output: adds({ type: "int", default: "month" }) },
      apply: (table, { output }) => table.assign({ [output]: ["May"] }),
    });
    expect(() => liar(orders())).toThrow(ContractViolationError);
    expect(() => liar(orders())).toThrow(
      'liar: the implementation broke its column contract: column "month" should be int, but row 0 holds "May"',
    );
  });
});
