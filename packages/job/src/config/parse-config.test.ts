import { afterAll, describe, expect, expectTypeOf, it } from "vitest";
import * as z from "zod";
import { crossFieldCheck } from "./cross-field-check";
import type { ConfigError } from "./errors";
import { parseConfig } from "./parse-config";
import { camelSchema, configErrorOf, parsedConfig, tempFolder, tipSchema } from "./test-support";

const config = parsedConfig;

/** The ConfigError thrown by parsing `argv`. */
function failure(
  argv: string[],
  schema: z.ZodType<unknown, Record<string, unknown>> = tipSchema,
): ConfigError {
  return configErrorOf(() => parseConfig(schema, argv), argv.join(" "));
}

const tmp = tempFolder();
afterAll(() => tmp.remove());

describe("parseConfig: values", () => {
  it("returns the schema's defaults when no flag is given", () => {
    expect(config(tipSchema, [])).toEqual({
      history_start_month: "201703",
      history_end_month: "201811",
      first_evening_hour: 17,
      n_first_daily_rides_to_keep: 3,
      test_fraction: 0.2,
      model: "random-forest",
      verbose: false,
      cache: true,
      random_forest: { num_trees: 10, bootstrap: true },
    });
  });

  it("maps snake_case keys to kebab-case flags and types the values", () => {
    const c = config(tipSchema, [
      "--history-start-month",
      "201801",
      "--n-first-daily-rides-to-keep",
      "5",
      "--test-fraction",
      "0.01",
      "--model",
      "gbt",
      "--data-dir",
      "data/raw",
    ]);
    expect(c).toMatchObject({
      history_start_month: "201801",
      n_first_daily_rides_to_keep: 5,
      test_fraction: 0.01,
      model: "gbt",
      data_dir: "data/raw",
    });
    expectTypeOf(c.n_first_daily_rides_to_keep).toEqualTypeOf<number>();
    expectTypeOf(c.model).toEqualTypeOf<"random-forest" | "gbt" | "linear">();
    expectTypeOf(c.data_dir).toEqualTypeOf<string | undefined>();
  });

  it("maps camelCase keys (acronyms included) to kebab-case flags", () => {
    const c = config(camelSchema, ["--history-start-month", "201705", "--use-gpu", "--output-dir", "out"]);
    expect(c).toEqual({
      historyStartMonth: "201705",
      nFirstDailyRidesToKeep: 3,
      useGPU: true,
      outputDir: "out",
    });
  });

  it("accepts --flag=value, negative numbers and exponents", () => {
    const schema = z.object({ offset: z.number().default(0), scale: z.number().default(1) });
    expect(config(schema, ["--offset=-2.5", "--scale", "1e3"])).toEqual({ offset: -2.5, scale: 1000 });
    expect(config(schema, ["--offset", "-3"])).toEqual({ offset: -3, scale: 1 });
  });

  it("reads an integer flag as readTable reads an int column: digits, not an exponent or hex", () => {
    const schema = z.object({ top_n: z.int().default(3), ids: z.array(z.int()).default([]) });
    expect(config(schema, ["--top-n", "12.00"]).top_n).toBe(12);
    expect(config(schema, ["--top-n", " +7\t"]).top_n).toBe(7);
    expect(failure(["--top-n", "1e3"], schema)).toMatchObject({
      message: '--top-n: expected an integer, got "1e3" (write it in digits: 1000)',
      flag: "--top-n",
    });
    expect(failure(["--top-n", "1.5"], schema).message).toBe('--top-n: expected an integer, got "1.5"');
    expect(failure(["--top-n", "0x10"], schema).message).toBe('--top-n: expected an integer, got "0x10"');
    expect(failure(["--ids", "1,2E2"], schema).message).toBe(
      '--ids: element 2: expected an integer, got "2E2" (write it in digits: 200)',
    );
  });

  it("reads a number flag as readTable reads a float column", () => {
    const schema = z.object({ ratio: z.number().default(0) });
    for (const [text, value] of [
      [".5", 0.5],
      ["5.", 5],
      ["-1.5e-1", -0.15],
      [" 2 ", 2],
    ] as const) {
      expect(config(schema, ["--ratio", text]).ratio).toBe(value);
    }
    for (const text of ["inf", "1_000", "0x10", "1e", "5\n"]) {
      expect(failure(["--ratio", text], schema).message).toBe(
        `--ratio: expected a number, got ${JSON.stringify(text)}`,
      );
    }
  });

  it("takes booleans as --flag and --no-flag", () => {
    expect(config(tipSchema, ["--verbose", "--no-cache"])).toMatchObject({ verbose: true, cache: false });
    expect(config(tipSchema, ["--no-cache"])).toMatchObject({ cache: false });
  });

  it("refuses a flag that takes one value given twice, naming both values; a list flag accumulates", () => {
    expect(failure(["--test-fraction", "0.1", "--test-fraction=0.3"])).toMatchObject({
      message: '--test-fraction: given twice ("0.1", then "0.3"); give it once',
      kind: "repeated-flag",
      flag: "--test-fraction",
    });
    expect(failure(["--random-forest.num-trees=7", "--random-forest.num-trees", "7"]).message).toBe(
      '--random-forest.num-trees: given twice ("7", then "7"); give it once',
    );
    expect(failure(["--verbose", "--no-verbose"]).message).toBe(
      "--verbose: given twice (--verbose, then --no-verbose); give it once",
    );
    expect(failure(["--no-cache", "--model", "gbt", "--cache"]).message).toBe(
      "--cache: given twice (--no-cache, then --cache); give it once",
    );
    expect(failure(["--config", "a.json", "--config", "b.json"]).message).toBe(
      '--config: given twice ("a.json", then "b.json"); give it once',
    );
    const list = z.object({ countries: z.array(z.string()).default([]) });
    expect(config(list, ["--countries", "DE,FR", "--countries", "IT"]).countries).toEqual(["DE", "FR", "IT"]);
  });

  it("sets nested group fields with dotted flags, keeping the group's other defaults", () => {
    const c = config(tipSchema, ["--random-forest.num-trees", "20"]);
    expect(c.random_forest).toEqual({ num_trees: 20, bootstrap: true });
    const d = config(tipSchema, ["--no-random-forest.bootstrap"]);
    expect(d.random_forest).toEqual({ num_trees: 10, bootstrap: false });
  });

  it("completes a group given in part from the group's default", () => {
    const schema = z.object({
      gbt: z.object({ step: z.number(), depth: z.number().int() }).default({ step: 0.1, depth: 4 }),
    });
    expect(config(schema, ["--gbt.depth", "6"])).toEqual({ gbt: { step: 0.1, depth: 6 } });
    const path = tmp.file("gbt.json", JSON.stringify({ gbt: { step: 0.3 } }));
    expect(config(schema, ["--config", path])).toEqual({ gbt: { step: 0.3, depth: 4 } });
  });

  it("matches enum choices exactly, numeric literals included", () => {
    const schema = z.object({ depth: z.union([z.literal(2), z.literal(4)]).default(4) });
    expect(config(schema, ["--depth", "2"])).toEqual({ depth: 2 });
  });

  it("reads arrays and other structured values as JSON", () => {
    const schema = z.object({ features: z.array(z.string()).default([]), label: z.string().default("tip") });
    expect(config(schema, ["--features", '["a","b"]'])).toEqual({ features: ["a", "b"], label: "tip" });
  });

  it("runs the schema's transforms and returns its output type", () => {
    const schema = z
      .object({ months: z.number().int().default(3) })
      .transform((c) => ({ ...c, days: c.months * 30 }));
    const c = config(schema, ["--months", "2"]);
    expect(c).toEqual({ months: 2, days: 60 });
    expectTypeOf(c.days).toEqualTypeOf<number>();
  });

  it("returns help text for --help and -h, even next to bad flags", () => {
    for (const argv of [["--help"], ["-h"], ["--test-fraction", "9", "--help"]]) {
      const result = parseConfig(tipSchema, argv, { command: "tip-model run" });
      expect(result.kind).toBe("help");
      if (result.kind === "help") expect(result.text).toContain("Usage: tip-model run [options]");
    }
  });
});

describe("parseConfig: flag errors", () => {
  it("names the flag, the expected type and the value for a non-number", () => {
    const error = failure(["--n-first-daily-rides-to-keep", "abc"]);
    expect(error.message).toBe('--n-first-daily-rides-to-keep: expected an integer, got "abc"');
    expect(error.flag).toBe("--n-first-daily-rides-to-keep");
    expect(error.kind).toBe("invalid-value");
    expect(failure(["--test-fraction", "ten"]).message).toBe('--test-fraction: expected a number, got "ten"');
    expect(failure(["--test-fraction", ""]).message).toBe('--test-fraction: expected a number, got ""');
    expect(failure(["--n-first-daily-rides-to-keep", "2.5"]).message).toBe(
      '--n-first-daily-rides-to-keep: expected an integer, got "2.5"',
    );
  });

  it("names the flag, the bounds and the value when out of range", () => {
    const error = failure(["--test-fraction", "1.5"]);
    expect(error.message).toBe("--test-fraction: expected a number > 0 and < 1, got 1.5");
    expect(error.flag).toBe("--test-fraction");
    expect(failure(["--n-first-daily-rides-to-keep", "0"]).message).toBe(
      "--n-first-daily-rides-to-keep: expected an integer >= 1, got 0",
    );
    expect(failure(["--first-evening-hour", "24"]).message).toBe(
      "--first-evening-hour: expected an integer >= 0 and <= 23, got 24",
    );
    expect(failure(["--random-forest.num-trees", "0"]).message).toBe(
      "--random-forest.num-trees: expected an integer > 0, got 0",
    );
  });

  it("says the bound an integer breaks when the schema does not state it: a safe integer's", () => {
    expect(failure(["--n-first-daily-rides-to-keep", "99999999999999999999"]).message).toBe(
      "--n-first-daily-rides-to-keep: expected an integer >= 1 and <= 9007199254740991, got 99999999999999999999",
    );
    expect(failure(["--random-forest.num-trees", "1".padEnd(301, "0")]).message).toBe(
      `--random-forest.num-trees: expected an integer > 0 and <= 9007199254740991, got ${"1".padEnd(301, "0")}`,
    );
  });

  it("quotes an integer past 2^53 as typed, not as the double it rounds to", () => {
    const ints = z.object({
      seed: z.int().default(7),
      hour: z.int().min(0).max(23).default(0),
      ids: z.array(z.int()).default([]),
    });
    // 2^53 + 1 is read as 2^53 = 9007199254740992, which the schema refuses
    expect(failure(["--seed", "9007199254740993"], ints).message).toBe(
      "--seed: expected an integer <= 9007199254740991, got 9007199254740993",
    );
    expect(failure(["--seed", "-9007199254740993.00"], ints).message).toBe(
      "--seed: expected an integer >= -9007199254740991, got -9007199254740993.00",
    );
    expect(failure(["--hour", "9007199254740993"], ints).message).toBe(
      "--hour: expected an integer >= 0 and <= 23, got 9007199254740993",
    );
    expect(failure(["--ids", "1,9007199254740993"], ints).message).toBe(
      "--ids: element 2: expected an integer <= 9007199254740991, got 9007199254740993",
    );
    expect(failure(["--seed", "9007199254740993"], ints).flag).toBe("--seed");
    expect(parsedConfig(ints, ["--seed", "9007199254740991"]).seed).toBe(9007199254740991);
  });

  it("lists an enum's choices", () => {
    const error = failure(["--model", "xgboost"]);
    expect(error.message).toBe('--model: expected one of "random-forest", "gbt", "linear", got "xgboost"');
    expect(error.flag).toBe("--model");
  });

  it("names the pattern a string must match", () => {
    expect(failure(["--history-start-month", "2017-03"]).message).toBe(
      '--history-start-month: expected a string matching /^\\d{6}$/, got "2017-03"',
    );
  });

  it("prefers the schema's own message for a pattern", () => {
    const schema = z.object({
      month: z
        .string()
        .regex(/^\d{6}$/, "expected a month as yyyyMM")
        .default("201703"),
    });
    const result = () => parseConfig(schema, ["--month", "2017-03"]);
    expect(result).toThrow('--month: expected a month as yyyyMM, got "2017-03"');
  });

  it("reports an unknown flag with a close match", () => {
    const error = failure(["--test-fractio", "0.3"]);
    expect(error.message).toBe("unknown flag --test-fractio (did you mean --test-fraction?)");
    expect(error.flag).toBe("--test-fractio");
    expect(error.kind).toBe("unknown-flag");
    expect(failure(["--history_start_month", "201703"]).message).toBe(
      "unknown flag --history_start_month (did you mean --history-start-month?)",
    );
    expect(failure(["--random-forest.num-tree", "3"]).message).toBe(
      "unknown flag --random-forest.num-tree (did you mean --random-forest.num-trees?)",
    );
  });

  it("reports an unknown flag without a suggestion when nothing is close", () => {
    expect(failure(["--zzz"]).message).toBe("unknown flag --zzz");
    expect(failure(["-x"]).message).toBe("unknown flag -x");
  });

  it("reports a flag given without its value", () => {
    const error = failure(["--test-fraction"]);
    expect(error.message).toBe("--test-fraction: expected a number > 0 and < 1, got no value");
    expect(error.kind).toBe("missing-value");
    expect(failure(["--model"]).message).toBe(
      '--model: expected one of "random-forest", "gbt", "linear", got no value',
    );
    expect(failure(["--config"]).message).toBe("--config: expected a JSON file path, got no value");
  });

  it("tells that a boolean flag takes no value", () => {
    const error = failure(["--verbose=false"]);
    expect(error.message).toBe("--verbose takes no value: use --verbose or --no-verbose");
    expect(error.flag).toBe("--verbose");
  });

  it("tells that a boolean flag takes no value when a true/false word follows it", () => {
    const hint = "--verbose takes no value: use --verbose or --no-verbose";
    for (const word of ["yes", "NO", "true", "False", "1", "0", "on", "Off"]) {
      expect(failure(["--verbose", word]).message).toBe(hint);
    }
    expect(failure(["--no-verbose", "false"]).message).toBe(hint);
    expect(failure(["--random-forest.bootstrap", "no"]).message).toBe(
      "--random-forest.bootstrap takes no value: use --random-forest.bootstrap or --no-random-forest.bootstrap",
    );
    expect(failure(["--verbose", "maybe"]).message).toBe('unexpected argument "maybe" (flags start with --)');
    expect(failure(["--model", "gbt", "yes"]).message).toBe(
      'unexpected argument "yes" (flags start with --)',
    );
  });

  it("rejects positional arguments", () => {
    const error = failure(["run"]);
    expect(error.message).toBe('unexpected argument "run" (flags start with --)');
    expect(error.kind).toBe("unexpected-argument");
    expect(failure(["--", "--verbose"]).message).toBe(
      'unexpected argument "--verbose" (flags start with --)',
    );
  });

  it("names the flag of a failed refinement, with its value", () => {
    const error = failure(["--history-start-month", "201901"]);
    expect(error.message).toBe('--history-start-month: must be before the end month (got "201901")');
    expect(error.flag).toBe("--history-start-month");
  });

  it("says when the failing value is the default", () => {
    const error = failure(["--history-end-month", "201701"]);
    expect(error.message).toBe(
      '--history-start-month: must be before the end month (got the default "201703")',
    );
  });

  it("reports a root-level refinement without a flag", () => {
    const schema = z
      .object({ low: z.number().default(1), high: z.number().default(2) })
      .refine((c) => c.low < c.high, { message: "low must be below high" });
    const error = failure(["--low", "5"], schema);
    expect(error.message).toBe("invalid configuration: low must be below high");
    expect(error.flag).toBeUndefined();
    expect(error.kind).toBe("invalid-config");
  });

  it("names a required flag that is missing", () => {
    const error = failure([], camelSchema);
    expect(error.message).toBe("--output-dir is required: expected a string");
    expect(error.flag).toBe("--output-dir");
    expect(error.kind).toBe("missing-value");
  });

  it("counts further problems after the first", () => {
    const schema = z.object({ a: z.number().max(1).default(0), b: z.number().max(1).default(0) });
    expect(failure(["--a", "2", "--b", "3"], schema).message).toBe(
      "--a: expected a number <= 1, got 2 (and 1 more problem)",
    );
  });

  it("explains other zod checks in their words", () => {
    const schema = z.object({
      step: z.number().multipleOf(5).default(5),
      email: z.email().optional(),
      tags: z.array(z.string()).max(2).default([]),
      name: z.string().min(1).default("x"),
    });
    expect(failure(["--step", "7"], schema).message).toBe("--step: expected a multiple of 5, got 7");
    expect(failure(["--email", "nope"], schema).message).toMatch(
      /^--email: expected a (valid email|string matching .+), got "nope"$/,
    );
    expect(failure(["--tags", '["a","b","c"]'], schema).message).toBe(
      '--tags: expected an array of at most 2 items, got ["a","b","c"]',
    );
    expect(failure(["--tags", "[oops"], schema).message).toBe(
      '--tags: expected a JSON array or values separated by commas, got "[oops"',
    );
    expect(failure(["--name", ""], schema).message).toBe('--name: expected a non-empty string, got ""');
  });

  it("is a ConfigError with userFacing and exit code 2", () => {
    const error = failure(["--zzz"]);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe("ConfigError");
    expect(error.userFacing).toBe(true);
    expect(error.exitCode).toBe(2);
    expect(error.message).not.toContain("\n");
  });
});

describe("parseConfig: config file", () => {
  it("applies precedence defaults < file < flags", () => {
    const path = tmp.file(
      "prec.json",
      JSON.stringify({ test_fraction: 0.3, model: "linear", verbose: true }),
    );
    const fileOnly = config(tipSchema, ["--config", path]);
    expect(fileOnly).toMatchObject({ test_fraction: 0.3, model: "linear", verbose: true });
    expect(fileOnly.n_first_daily_rides_to_keep).toBe(3);
    const both = config(tipSchema, ["--config", path, "--test-fraction", "0.4", "--no-verbose"]);
    expect(both).toMatchObject({ test_fraction: 0.4, model: "linear", verbose: false });
    const flagFirst = config(tipSchema, ["--test-fraction", "0.4", "--config", path]);
    expect(flagFirst.test_fraction).toBe(0.4);
  });

  it("merges nested groups field by field: file, then flags", () => {
    const path = tmp.file(
      "nested.json",
      JSON.stringify({ random_forest: { num_trees: 50, bootstrap: false } }),
    );
    expect(config(tipSchema, ["--config", path]).random_forest).toEqual({ num_trees: 50, bootstrap: false });
    expect(config(tipSchema, ["--config", path, "--random-forest.num-trees", "7"]).random_forest).toEqual({
      num_trees: 7,
      bootstrap: false,
    });
  });

  it("reads a relative path from the given folder and ignores $schema", () => {
    tmp.file("rel.json", JSON.stringify({ $schema: "./tip-model.schema.json", model: "gbt" }));
    const result = parseConfig(tipSchema, ["--config", "rel.json"], { cwd: tmp.dir });
    expect(result.kind === "config" && result.config.model).toBe("gbt");
  });

  it("names the file and key of a bad value in the file", () => {
    const path = tmp.file("bad-value.json", JSON.stringify({ test_fraction: 1.5 }));
    const error = failure(["--config", path]);
    expect(error.message).toBe(`${path}: test_fraction: expected a number > 0 and < 1, got 1.5`);
    expect(error).toMatchObject({ kind: "config-file", flag: "--config", file: path, key: "test_fraction" });
    const typed = tmp.file("bad-type.json", JSON.stringify({ n_first_daily_rides_to_keep: "3" }));
    expect(failure(["--config", typed]).message).toBe(
      `${typed}: n_first_daily_rides_to_keep: expected an integer >= 1, got "3"`,
    );
    const nested = tmp.file("bad-nested.json", JSON.stringify({ random_forest: { num_trees: -1 } }));
    expect(failure(["--config", nested]).message).toBe(
      `${nested}: random_forest.num_trees: expected an integer > 0, got -1`,
    );
  });

  it("does not blame the file for a bad value a flag overrode", () => {
    const path = tmp.file("overridden.json", JSON.stringify({ test_fraction: 0.5 }));
    expect(failure(["--config", path, "--test-fraction", "2"]).message).toBe(
      "--test-fraction: expected a number > 0 and < 1, got 2",
    );
  });
});

describe("parseConfig: a crossFieldCheck names every field it reads, as given, with its value", () => {
  const schema = z
    .object({
      start_month: z.string().default("201703"),
      end_month: z.string().default("201811"),
      cache: z.boolean().default(true),
      limits: z
        .object({ low: z.number().default(1), high: z.number().default(2) })
        .default({ low: 1, high: 2 }),
    })
    .refine(
      (c) => c.start_month < c.end_month,
      crossFieldCheck(["start_month", "end_month"], (start, end) => `${start} must be before ${end}`),
    )
    .refine(
      (c) => !c.cache || c.limits.low < c.limits.high,
      crossFieldCheck(
        ["limits.low", "limits.high", "cache"],
        (low, high, cache) => `${low} must be below ${high} with ${cache}`,
      ),
    );

  it("flags with their values, as typed", () => {
    const error = failure(["--start-month", "201811", "--end-month", "201703"], schema);
    expect(error.message).toBe('--start-month "201811" must be before --end-month "201703"');
    expect(error).toMatchObject({ kind: "invalid-value", flag: "--start-month" });
    expect(failure(["--limits.low", "5", "--cache"], schema).message).toBe(
      "--limits.low 5 must be below --limits.high 2 (the default) with --cache",
    );
  });

  it("a default as the flag with its default; the error points at the flag given", () => {
    const error = failure(["--end-month", "201701"], schema);
    expect(error.message).toBe('--start-month "201703" (the default) must be before --end-month "201701"');
    expect(error).toMatchObject({ kind: "invalid-value", flag: "--end-month" });
    expect(failure(["--limits.high", "0"], schema).message).toBe(
      "--limits.low 1 (the default) must be below --limits.high 0 with --cache (the default)",
    );
  });

  it("a config file's values by their keys, after the file's path, as the file's other errors", () => {
    const both = tmp.file("swapped.json", JSON.stringify({ start_month: "201811", end_month: "201703" }));
    const error = failure(["--config", both], schema);
    expect(error.message).toBe(`${both}: start_month "201811" must be before end_month "201703"`);
    expect(error).toMatchObject({ kind: "config-file", flag: "--config", file: both, key: "start_month" });
    const start = tmp.file("start.json", JSON.stringify({ start_month: "201811" }));
    expect(failure(["--config", start, "--end-month", "201703"], schema).message).toBe(
      `${start}: start_month "201811" must be before --end-month "201703"`,
    );
    expect(failure(["--config", start, "--start-month", "201812"], schema).message).toBe(
      '--start-month "201812" must be before --end-month "201811" (the default)',
    );
    const nested = tmp.file("limits.json", JSON.stringify({ limits: { low: 3 } }));
    expect(failure(["--config", nested], schema)).toMatchObject({
      message: `${nested}: limits.low 3 must be below --limits.high 2 (the default) with --cache (the default)`,
      key: "limits.low",
    });
  });

  it("in code, the config keys with their values; the issue on the first key", () => {
    const result = schema.safeParse({ start_month: "201811", end_month: "201703" });
    expect(result.error?.issues).toMatchObject([
      {
        path: ["start_month"],
        message: 'start_month "201811" must be before end_month "201703"',
        params: { fields: ["start_month", "end_month"] },
      },
    ]);
    expect(schema.safeParse({ limits: { low: 5 } }).error?.issues[0]?.message).toBe(
      "limits.low 5 must be below limits.high 2 with cache true",
    );
  });
});
