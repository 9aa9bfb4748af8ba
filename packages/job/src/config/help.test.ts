import { describe, expect, it } from "vitest";
import * as z from "zod";
import { formatHelp, parseConfig } from "./parse-config";
import { configReference } from "./reference";
import { camelSchema, tipSchema } from "./test-support";

const help = formatHelp(tipSchema, {
  command: "tip-model run",
  description: "Train and evaluate the tip model.",
});

/** The help line of a flag (its term and the start of its description). */
function lineOf(text: string, term: string): string {
  const line = text.split("\n").find((l) => l.trimStart().startsWith(`${term} `) || l.trim() === term);
  if (line === undefined) throw new Error(`no help line for ${term} in:\n${text}`);
  return line;
}

describe("formatHelp", () => {
  it("says what a string field accepts in words when the schema gives them (.meta({ expected }))", () => {
    const month = z
      .string()
      .regex(/^\d{4}(0[1-9]|1[0-2])$/, "expected a month as yyyyMM, e.g. 201703")
      .meta({ expected: "a month as yyyyMM, e.g. 201703" });
    const schema = z.object({ start_month: month.default("201703").describe("first month kept") });
    const text = formatHelp(schema, { command: "orders", helpWidth: 200 });
    expect(lineOf(text, "--start-month <string>")).toContain(
      'first month kept (a month as yyyyMM, e.g. 201703; default: "201703")',
    );
    expect(text).not.toContain("/^");
    expect(configReference(schema)).toContain("a month as yyyyMM, e.g. 201703");
  });

  it("starts with the usage line and the description", () => {
    expect(help.startsWith("Usage: tip-model run [options]\n\nTrain and evaluate the tip model.\n")).toBe(
      true,
    );
  });

  it("lists every flag with its type, constraints, default and description", () => {
    const width = { helpWidth: 200 };
    const wide = formatHelp(tipSchema, { command: "tip-model run", ...width });
    expect(lineOf(wide, "--history-start-month <string>")).toContain(
      'first month of history, exclusive (yyyyMM) (string matching /^\\d{6}$/; default: "201703")',
    );
    expect(lineOf(wide, "--first-evening-hour <integer>")).toContain(
      "first dropoff hour kept (integer >= 0 and <= 23; default: 17)",
    );
    expect(lineOf(wide, "--n-first-daily-rides-to-keep <integer>")).toContain("(integer >= 1; default: 3)");
    expect(lineOf(wide, "--test-fraction <number>")).toContain(
      "share of rows held out for testing (number > 0 and < 1; default: 0.2)",
    );
    expect(lineOf(wide, "--model <choice>")).toContain(
      'regressor to train (one of: random-forest, gbt, linear; default: "random-forest")',
    );
    expect(lineOf(wide, "--data-dir <string>")).toContain("folder with the input CSV files (string)");
    expect(lineOf(wide, "--[no-]verbose")).toContain("log every step (boolean; default: false)");
    expect(lineOf(wide, "--[no-]cache")).toContain("reuse prepared data (boolean; default: true)");
    expect(lineOf(wide, "--config <file>")).toContain("read settings from a JSON file");
    expect(lineOf(wide, "-h, --help")).toContain("display help");
  });

  it("puts a nested group's flags under its own heading", () => {
    const wide = formatHelp(tipSchema, { helpWidth: 200 });
    expect(wide).toContain("Random forest (--random-forest.*):\n");
    expect(wide.indexOf("Random forest (--random-forest.*):")).toBeLessThan(
      wide.indexOf("--random-forest.num-trees <integer>"),
    );
    expect(lineOf(wide, "--random-forest.num-trees <integer>")).toContain(
      "number of trees (integer > 0; default: 10)",
    );
    expect(lineOf(wide, "--[no-]random-forest.bootstrap")).toContain("(boolean; default: true)");
  });

  it("does not list the hidden --no-x twins on their own lines", () => {
    expect(help).not.toMatch(/^\s+--no-verbose/m);
  });

  it("marks required flags and kebab-cases camelCase keys", () => {
    const text = formatHelp(camelSchema, { helpWidth: 200 });
    expect(lineOf(text, "--output-dir <string>")).toContain("where results go (string; required)");
    expect(lineOf(text, "--[no-]use-gpu")).toContain("use the GPU (boolean; default: false)");
    expect(lineOf(text, "--n-first-daily-rides-to-keep <integer>")).toContain("rides per day");
  });

  it("wraps to the requested width", () => {
    const narrow = formatHelp(tipSchema, { helpWidth: 100 });
    expect(Math.max(...narrow.split("\n").map((l) => l.length))).toBeLessThanOrEqual(100);
    expect(narrow).toContain("--test-fraction <number>");
  });

  it("puts each description under its flag when the flags leave under 40 columns", () => {
    const text = formatHelp(tipSchema, { helpWidth: 80 });
    expect(text).toContain(
      "\n  --n-first-daily-rides-to-keep <integer>\n      rides kept per pickup zone and day (integer >= 1; default: 3)\n",
    );
    expect(Math.max(...text.split("\n").map((l) => l.length))).toBeLessThanOrEqual(80);
    const short = formatHelp(z.object({ seed: z.int().default(1).describe("seed") }), { helpWidth: 80 });
    expect(short).toMatch(/\n {2}--seed <integer> +seed \(integer; default: 1\)\n/);
  });

  it("is what parseConfig returns for --help", () => {
    const result = parseConfig(tipSchema, ["--help"], { command: "tip-model run" });
    expect(result).toEqual({ kind: "help", text: formatHelp(tipSchema, { command: "tip-model run" }) });
  });

  it("refuses a schema that is not an object, and keys that clash", () => {
    expect(() => formatHelp(z.string() as never)).toThrow(/must be a zod object schema/);
    const clash = z.object({ data_dir: z.string().default(""), dataDir: z.string().default("") });
    expect(() => formatHelp(clash)).toThrow(
      'Config keys "data_dir" and "dataDir" both map to the flag --data-dir',
    );
    expect(() => formatHelp(z.object({ config: z.string().default("") }))).toThrow(/built-in flag --config/);
  });
});

describe("configReference", () => {
  const table = configReference(tipSchema);

  it("is a Markdown table with one row per flag and one for --config", () => {
    const lines = table.trimEnd().split("\n");
    expect(lines[0]).toBe("| Flag | Type | Default | Description |");
    expect(lines[1]).toBe("| --- | --- | --- | --- |");
    expect(lines).toHaveLength(2 + 12);
    expect(lines.at(-1)).toContain("`--config <file>`");
  });

  it("gives type, default and description per flag", () => {
    expect(table).toContain(
      "| `--test-fraction <number>` | number > 0 and < 1 | `0.2` | share of rows held out for testing |",
    );
    expect(table).toContain(
      '| `--model <choice>` | one of: random-forest, gbt, linear | `"random-forest"` | regressor to train |',
    );
    expect(table).toContain("| `--[no-]verbose` | boolean | `false` | log every step |");
    expect(table).toContain("| `--data-dir <string>` | string |  | folder with the input CSV files |");
    expect(table).toContain(
      "| `--random-forest.num-trees <integer>` | integer > 0 | `10` | number of trees |",
    );
    expect(configReference(camelSchema)).toContain(
      "| `--output-dir <string>` | string | required | where results go |",
    );
  });

  it("escapes pipes in cells", () => {
    const schema = z.object({ sep: z.string().default("|").describe("a | b") });
    expect(configReference(schema)).toContain('| `--sep <string>` | string | `"\\|"` | a \\| b |');
  });
});
