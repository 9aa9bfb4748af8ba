import { describe, expect, it } from "vitest";
import * as z from "zod";
import { TableReadError } from "../errors";
import { candidateNames, checkAliases, mapColumns, normalizeColumnName } from "./aliases";
import { columnKinds } from "./schema-columns";

describe("columnKinds", () => {
  it("describes every column once, in schema order", () => {
    const specs = columnKinds(
      z.object({
        f: z.number(),
        i: z.int(),
        i2: z.number().int().min(0),
        i3: z.int32(),
        s: z.string(),
        b: z.boolean(),
        d: z.date(),
        e: z.enum(["N", "Y"]),
        l: z.literal(["a", "b"]),
        nf: z.number().nullable(),
        oi: z.int().optional(),
        ds: z.string().default("N"),
        dn: z.int().nullable().default(null),
        ro: z.date().readonly(),
        coerced: z.coerce.number(),
      }),
    );
    expect(specs.map((s) => [s.name, s.kind, s.nullable, s.optional])).toEqual([
      ["f", "float", false, false],
      ["i", "int", false, false],
      ["i2", "int", false, false],
      ["i3", "int", false, false],
      ["s", "string", false, false],
      ["b", "boolean", false, false],
      ["d", "timestamp", false, false],
      ["e", "enum", false, false],
      ["l", "enum", false, false],
      ["nf", "float", true, false],
      ["oi", "int", true, true],
      ["ds", "string", false, true],
      ["dn", "int", true, true],
      ["ro", "timestamp", false, false],
      ["coerced", "float", false, false],
    ]);
    expect(specs.find((s) => s.name === "e")?.values).toEqual(["N", "Y"]);
    expect(specs.find((s) => s.name === "l")?.values).toEqual(["a", "b"]);
    expect(specs.find((s) => s.name === "ds")).toMatchObject({ hasDefault: true, defaultValue: "N" });
  });

  it("rejects types a table file cannot hold, naming the column", () => {
    expect(() => columnKinds(z.object({ tags: z.array(z.string()) }))).toThrow(
      /column tags: zod type "array"/,
    );
    expect(() => columnKinds(z.object({ n: z.bigint() }))).toThrow(/column n: zod type "bigint"/);
    expect(() => columnKinds(z.object({ t: z.string().transform((s) => s.length) }))).toThrow(
      /column t: zod type "pipe"/,
    );
    expect(() => columnKinds(z.object({ l: z.literal(5) }))).toThrow(/only string enum\/literal values/);
  });
});

describe("column aliases", () => {
  const specs = columnKinds(
    z.object({ rate_code: z.int(), vendor_id: z.int(), note: z.string().optional() }),
  );

  it("compares names without case, underscores, dashes and spaces", () => {
    expect(normalizeColumnName("RatecodeID")).toBe("ratecodeid");
    expect(normalizeColumnName("rate_code_id")).toBe("ratecodeid");
    expect(normalizeColumnName(" Rate-Code ID ")).toBe("ratecodeid");
    expect(candidateNames(specs[0]!, { rate_code: ["RatecodeID", "rate_code_id", "RATE_CODE"] })).toEqual([
      "rate_code",
      "RatecodeID",
    ]);
  });

  it("finds each schema column in a header, ignoring other columns and absent optional ones", () => {
    expect(
      mapColumns("f.csv", ["x", "VendorID", "RatecodeID"], specs, {
        rate_code: ["RatecodeID"],
        vendor_id: ["VendorID"],
      }),
    ).toEqual([2, 1, -1]);
  });

  it("throws for a missing column, two matches, an ambiguous alias and an unknown alias key", () => {
    expect(() => mapColumns("f.csv", ["vendor_id"], specs, undefined)).toThrow(TableReadError);
    expect(() => mapColumns("f.csv", ["rate_code", "RateCode", "vendor_id"], specs, undefined)).toThrow(
      /both match/,
    );
    expect(() => mapColumns("f.csv", ["x"], specs, { rate_code: ["vendor id"] })).toThrow(
      /would match both schema columns rate_code and vendor_id/,
    );
    expect(() => checkAliases(specs, { ratecode: ["x"] })).toThrow(/aliases name the column "ratecode"/);
  });
});
