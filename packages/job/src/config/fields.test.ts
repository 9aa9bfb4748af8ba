import { describe, expect, it } from "vitest";
import * as z from "zod";
import { configFields } from "./fields";
import { flagForPath, toFlagName } from "./flag-names";
import { closestName } from "./suggest";
import { tipSchema } from "./test-support";

describe("toFlagName / flagForPath", () => {
  it("kebab-cases snake_case and camelCase keys", () => {
    expect(toFlagName("history_start_month")).toBe("history-start-month");
    expect(toFlagName("nFirstDailyRidesToKeep")).toBe("n-first-daily-rides-to-keep");
    expect(toFlagName("useGPU")).toBe("use-gpu");
    expect(toFlagName("HTTPPort")).toBe("http-port");
    expect(toFlagName("max_depth2")).toBe("max-depth2");
    expect(toFlagName("seed")).toBe("seed");
  });

  it("joins a group and a key with a dot", () => {
    expect(flagForPath(["random_forest", "numTrees"])).toBe("--random-forest.num-trees");
    expect(flagForPath(["test_fraction"])).toBe("--test-fraction");
  });
});

describe("closestName", () => {
  it("suggests the closest candidate when close enough", () => {
    expect(closestName("tst_fraction", ["test_fraction", "seed"])).toBe("test_fraction");
    expect(closestName("smaple", ["run", "sample", "prepare"])).toBe("sample");
    expect(closestName("xyz", ["run", "sample"])).toBeUndefined();
    expect(closestName("a", [])).toBeUndefined();
  });
});

describe("configFields", () => {
  it("reads kind, default, description and bounds from the schema", () => {
    const fields = configFields(tipSchema);
    expect(fields.map((f) => f.flag)).toEqual([
      "--history-start-month",
      "--history-end-month",
      "--first-evening-hour",
      "--n-first-daily-rides-to-keep",
      "--test-fraction",
      "--model",
      "--data-dir",
      "--verbose",
      "--cache",
      "--random-forest.num-trees",
      "--random-forest.bootstrap",
    ]);
    const byFlag = new Map(fields.map((f) => [f.flag, f]));
    expect(byFlag.get("--test-fraction")).toMatchObject({
      path: ["test_fraction"],
      kind: "number",
      defaultValue: 0.2,
      hasDefault: true,
      exclusiveMinimum: 0,
      exclusiveMaximum: 1,
      description: "share of rows held out for testing",
    });
    expect(byFlag.get("--n-first-daily-rides-to-keep")).toMatchObject({
      kind: "integer",
      minimum: 1,
      maximum: undefined,
    });
    expect(byFlag.get("--model")).toMatchObject({
      kind: "enum",
      choices: ["random-forest", "gbt", "linear"],
    });
    expect(byFlag.get("--data-dir")).toMatchObject({ kind: "string", hasDefault: false, required: false });
    expect(byFlag.get("--history-start-month")).toMatchObject({ pattern: "^\\d{6}$" });
    expect(byFlag.get("--random-forest.num-trees")).toMatchObject({
      path: ["random_forest", "num_trees"],
      defaultValue: 10,
      groupDescription: "Random forest",
    });
  });

  it("takes a nested field's default from its group when it has none", () => {
    const schema = z.object({
      gbt: z
        .object({ step: z.number(), depth: z.number().int().default(4) })
        .default({ step: 0.1, depth: 4 }),
    });
    const [step, depth] = configFields(schema);
    expect(step).toMatchObject({ flag: "--gbt.step", hasDefault: true, defaultValue: 0.1 });
    expect(depth).toMatchObject({ hasDefault: true, defaultValue: 4 });
  });

  it("marks required fields, also inside a required group", () => {
    const schema = z.object({
      out: z.string(),
      grid: z.object({ size: z.number(), label: z.string().optional() }),
    });
    expect(configFields(schema).map((f) => [f.flag, f.required])).toEqual([
      ["--out", true],
      ["--grid.size", true],
      ["--grid.label", false],
    ]);
  });

  it("reads nullable fields, literals, unions of literals and shared (referenced) schemas", () => {
    const Month = z
      .string()
      .regex(/^\d{6}$/)
      .meta({ id: "Month", description: "a month" });
    const schema = z.object({
      note: z.string().nullable().default(null),
      level: z.number().int().nullable().optional(),
      mode: z.literal("fast").default("fast"),
      depth: z.union([z.literal(2), z.literal(4)]).default(4),
      start: Month.default("201703"),
      end: Month.default("201811"),
    });
    const [note, level, mode, depth, start, end] = configFields(schema);
    expect(note).toMatchObject({ kind: "string", nullable: true, defaultValue: null });
    expect(level).toMatchObject({ kind: "integer", nullable: true });
    expect(mode).toMatchObject({ kind: "enum", choices: ["fast"] });
    expect(depth).toMatchObject({ kind: "enum", choices: [2, 4] });
    expect(start).toMatchObject({ kind: "string", pattern: "^\\d{6}$", defaultValue: "201703" });
    expect(end).toMatchObject({ kind: "string", pattern: "^\\d{6}$", description: "a month" });
  });

  it("reads arrays of objects, records, deeper objects and unrepresentable types as JSON values", () => {
    const schema = z.object({
      tags: z.array(z.object({ x: z.number() })).default([]),
      weights: z.record(z.string(), z.number()).default({}),
      group: z.object({ inner: z.object({ x: z.number() }).optional() }).default({}),
      since: z.date().optional(),
      either: z.union([z.string(), z.number()]).default(1),
    });
    expect(configFields(schema).map((f) => [f.flag, f.kind, f.typeName])).toEqual([
      ["--tags", "json", "array"],
      ["--weights", "json", "object"],
      ["--group.inner", "json", "object"],
      ["--since", "json", "json"],
      ["--either", "json", "json"],
    ]);
  });

  it("refuses schemas that are not objects", () => {
    expect(() => configFields(z.array(z.string()) as never)).toThrow(TypeError);
  });
});
