import { existsSync, statSync } from "node:fs";
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { MANIFEST_FILE, readTable } from "@tablepipe/io";
import { resetLogging, toFlagName } from "@tablepipe/job";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { PrepareConfig, runTipModelCli } from "./commands";
import { DEFAULT_SAMPLE_ROWS, TipAmountModelConfig } from "./config";
import { SAMPLE_FILES } from "./data/index";
import { prepareFlagConditions, runFlagConditions } from "./flag-conditions";
import { OUTPUT_FILES, predictionsSchema } from "./job/outputs";
import { formatBytes } from "./report/format";

let root: string;
let sampleDir: string;

/** A write-only stream that keeps what it was given. */
function capture(): { write(chunk: string): boolean; text(): string } {
  const chunks: string[] = [];
  return {
    write(chunk: string) {
      chunks.push(chunk);
      return true;
    },
    text: () => chunks.join(""),
  };
}

interface CliResult {
  code: number;
  out: string;
  err: string;
  /** The stderr lines that are not log lines (`[2018-02-04 18:00] INFO ...`). */
  messages: string[];
}

async function cli(...argv: string[]): Promise<CliResult> {
  const stdout = capture();
  const stderr = capture();
  const code = await runTipModelCli(argv, { stdout, stderr });
  resetLogging();
  const err = stderr.text();
  const messages = err.split("\n").filter((line) => line !== "" && !/^\[[\d-]+ [\d:]+\] [A-Z]+ /.test(line));
  return { code, out: stdout.text(), err, messages };
}

const STACK_LINE = /^\s+at /m;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "tip-model-cli-"));
  sampleDir = join(root, "sample");
  const written = await cli("sample", "--rows", "3000", "--seed", "3", "--out", sampleDir);
  expect(written.code).toBe(0);
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});
afterEach(() => resetLogging());

/** A fresh folder under the test root. */
async function folder(name: string): Promise<string> {
  const dir = join(root, name);
  await mkdir(dir, { recursive: true });
  return dir;
}

describe("--help", () => {
  it.each([
    [
      ["--help"],
      [
        "Usage: tip-model [options] [command]",
        "run [options]",
        "prepare [options]",
        "sample [options]",
        "Run `tip-model <command> --help` for a command's flags.",
      ],
    ],
    [
      ["run", "--help"],
      [
        "Usage: tip-model run [options]",
        "--test-fraction <number>",
        "share of prepared rows held out for validation",
        "default: 0.2",
        "--history-start-month <string>",
        'default: "201703"',
        "--n-first-daily-rides-to-keep <integer>",
        "--model <choice>",
        "one of: random-forest, gbt, linear",
        "--data-dir <string>",
        "--trips <string>",
        "--output-dir <string>",
        "--config <file>",
        "--log-level <choice>",
        "Examples:\n  tip-model run\n",
        "\n  tip-model run --n-first-daily-rides-to-keep 5 --test-fraction 0.01\n      keep 5 rides",
      ],
    ],
    [
      ["prepare", "--help"],
      [
        "Usage: tip-model prepare [options]",
        "--out <string>",
        "file to write the prepared table to",
        "required",
        "--first-evening-hour <integer>",
        "default: 17",
        "Examples:\n  tip-model prepare --out prepared.parquet\n",
      ],
    ],
    [
      ["sample", "--help"],
      [
        "Usage: tip-model sample [options]",
        "--rows <integer>",
        "number of trips to generate",
        "default: 200000",
        "--seed <integer>",
        "--out <string>",
        "Examples:\n  tip-model sample --out data\n",
      ],
    ],
  ])("%j prints usage, flags, defaults and descriptions on stdout", async (argv, expected) => {
    const { code, out, err } = await cli(...argv);
    expect(code).toBe(0);
    expect(err).toBe("");
    for (const text of expected) expect(out).toContain(text);
  });
});

describe("tip-model --help", () => {
  it("is an overview: one line per command, no command's flags", async () => {
    const { out } = await cli("--help");
    for (const name of ["run", "prepare", "sample"]) {
      expect(out.split("\n").filter((l) => l.startsWith(`  ${name} [options]`))).toHaveLength(1);
    }
    const commandLines = out.slice(out.indexOf("Commands:")).split("\n\n")[0]?.split("\n") ?? [];
    expect(commandLines.filter((l) => l.startsWith("   "))).toEqual([]);
    expect(out).not.toContain("--test-fraction");
    expect(Math.max(...out.split("\n").map((l) => l.length))).toBeLessThanOrEqual(80);
  });
});

describe("sample rows", () => {
  it("sample --rows and run --sample-rows share one default", async () => {
    const sample = JSON.parse((await cli("sample", "--print-config")).out) as { rows: number };
    const run = JSON.parse((await cli("run", "--print-config")).out) as { sample_rows: number };
    expect(sample.rows).toBe(DEFAULT_SAMPLE_ROWS);
    expect(run.sample_rows).toBe(DEFAULT_SAMPLE_ROWS);
  });
});

describe("--print-config", () => {
  it("prints the resolved config as JSON, runs nothing, and --config reads it back to the same config", async () => {
    const dir = await folder("print-config");
    const flags = [
      "run",
      "--n-first-daily-rides-to-keep",
      "5",
      "--test-fraction",
      "0.01",
      "--output-dir",
      dir,
    ];
    const printed = await cli(...flags, "--print-config");
    expect({ code: printed.code, err: printed.err }).toEqual({ code: 0, err: "" });
    const config: unknown = JSON.parse(printed.out);
    expect(config).toEqual(
      TipAmountModelConfig.parse({ n_first_daily_rides_to_keep: 5, test_fraction: 0.01, output_dir: dir }),
    );
    expect(await readdir(dir)).toEqual([]);
    const file = join(dir, "my.json");
    await writeFile(file, printed.out);
    const again = await cli("run", "--config", file, "--print-config");
    expect(again.code).toBe(0);
    expect(JSON.parse(again.out)).toEqual(config);
  });

  it("prints prepare's own config once --out is given", async () => {
    const printed = await cli("prepare", "--out", "p.csv", "--print-config");
    expect(printed.code).toBe(0);
    expect(JSON.parse(printed.out)).toEqual(PrepareConfig.parse({ out: "p.csv" }));
    expect(await cli("prepare", "--print-config")).toMatchObject({ code: 2, out: "" });
  });
});

/** How the help of each flag that has a condition says when it applies. */
const WHEN_IT_APPLIES: Readonly<Record<string, string>> = {
  num_trees: "random forest: ",
  max_depth: "random forest and gbt: ",
  max_bins: "random forest and gbt: ",
  max_iter: "gbt: ",
  step_size: "gbt: ",
  data_dir: "read for each one --trips or --zones does not name",
  sample_rows: "of the built-in generated sample, when no data is given",
  seed: "seed of the built-in generated sample (used only when no data is given)",
  stream_read: "engine in-process or spark, with --data-dir or --trips: ",
  drop_invalid_rows: "with --data-dir or --trips: ",
  duckdb_database: "engine duckdb: ",
  duckdb_memory_limit: "engine duckdb: ",
  duckdb_read: "engine duckdb, with --data-dir or --trips: ",
  spark_remote: "engine spark: ",
};

/** The help entries of `command --help`, by flag (`--stream-read` for `--[no-]stream-read`), whitespace collapsed. */
async function helpEntries(command: string): Promise<Map<string, string>> {
  const { out } = await cli(command, "--help");
  const entries = new Map<string, string>();
  for (const entry of out.split(/\n(?= {2}-)/)) {
    const flag = /^ {2}(--\S+)/.exec(entry)?.[1]?.replace("--[no-]", "--");
    if (flag !== undefined) entries.set(flag, entry.replace(/\s+/g, " "));
  }
  return entries;
}

describe("--help says when a flag applies, for every flag with a condition", () => {
  it.each([
    ["run", runFlagConditions],
    ["prepare", prepareFlagConditions],
  ])("%s", async (command, conditions) => {
    const entries = await helpEntries(command);
    for (const key of Object.keys(conditions)) {
      const flag = `--${toFlagName(key)}`;
      expect(entries.get(flag), flag).toContain(WHEN_IT_APPLIES[key] ?? `(no text expected for ${key})`);
    }
  });
});

describe("prepare --help", () => {
  it("describes only what prepare does: no model, training or output-folder flags", async () => {
    const { code, out } = await cli("prepare", "--help");
    expect(code).toBe(0);
    for (const flag of [
      "--test-fraction",
      "--model",
      "--num-trees",
      "--max-depth",
      "--output-dir",
      "--step-size",
    ]) {
      expect(out).not.toContain(flag);
    }
    expect(out).not.toMatch(/the split|the model|output folder|run\/prepare/);
    expect(out).toContain("seed of the built-in generated sample (used only when no data is given)");
    expect(out).toContain("replace --out even when tablepipe did not write it");
    expect(out).toMatch(/^Usage: tip-model prepare \[options\]\n\nRead the trips and zones and filter them/);
  });
});

describe("bad flags: exit 2 and one line naming the flag", () => {
  it.each([
    [["--test-fraction", "1.5"], "tip-model: --test-fraction: expected a number > 0 and < 1, got 1.5"],
    [
      ["--n-first-daily-rides-to-keep", "abc"],
      'tip-model: --n-first-daily-rides-to-keep: expected an integer, got "abc"',
    ],
    [["--model", "xgb"], 'tip-model: --model: expected one of "random-forest", "gbt", "linear", got "xgb"'],
    [["--test-fractoin", "0.3"], "tip-model: unknown flag --test-fractoin (did you mean --test-fraction?)"],
    [
      ["--history-start-month", "201811", "--history-end-month", "201703", "--print-config"],
      'tip-model: --history-start-month "201811" must be before --history-end-month "201703"',
    ],
    [
      ["--history-start-month", "201812"],
      'tip-model: --history-start-month "201812" must be before --history-end-month "201811" (the default)',
    ],
    [
      ["prepare", "--out", "p.csv", "--history-end-month", "201703"],
      'tip-model: --history-start-month "201703" (the default) must be before --history-end-month "201703"',
    ],
    [["--history-end-month", "2018-11"], /^tip-model: --history-end-month: expected .*, got "2018-11"$/],
    [["--first-evening-hour", "24"], /^tip-model: --first-evening-hour: /],
    [["--test-fraction"], /^tip-model: --test-fraction: .*got no value/],
    [["run", "--seed", "1.5"], /^tip-model: --seed: expected an integer/],
    [["prepare"], /^tip-model: --out is required/],
    [["sample", "--rows", "0"], /^tip-model: --rows: /],
    [["sample", "--test-fraction", "0.3"], /^tip-model: unknown flag --test-fraction/],
    [["train"], /^tip-model: unknown command "train"/],
  ])("%j", async (argv, expected) => {
    const { code, out: stdout, err } = await cli(...argv);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    const lines = err.trimEnd().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(expected);
    expect(err).not.toMatch(STACK_LINE);
  });

  it("a config file is checked too, naming the file and the key", async () => {
    const dir = await folder("bad-config");
    const file = join(dir, "config.json");
    await writeFile(file, JSON.stringify({ test_fraction: 2 }));
    const { code, messages } = await cli("--config", file);
    expect(code).toBe(2);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain("test_fraction");
  });

  it("swapped months in a config file: the file's keys, a flag as the flag, each with its value", async () => {
    const dir = await folder("swapped-config");
    const file = join(dir, "config.json");
    await writeFile(file, JSON.stringify({ history_start_month: "201811", history_end_month: "201703" }));
    expect((await cli("--config", file)).messages).toEqual([
      `tip-model: ${file}: history_start_month "201811" must be before history_end_month "201703"`,
    ]);
    const mixed = await cli("--config", file, "--history-end-month", "201801");
    expect(mixed.code).toBe(2);
    expect(mixed.messages).toEqual([
      `tip-model: ${file}: history_start_month "201811" must be before --history-end-month "201801"`,
    ]);
  });
});

describe("flags the chosen model, engine or data ignore: exit 2, the flag and why", () => {
  it.each([
    [
      ["--model", "linear", "--num-trees", "50"],
      "tip-model: --num-trees: applies to --model random-forest, not linear",
    ],
    [
      ["--model", "linear", "--max-depth", "3"],
      "tip-model: --max-depth: applies to --model random-forest or gbt, not linear",
    ],
    [["--step-size", "0.5"], "tip-model: --step-size: applies to --model gbt, not random-forest"],
    [
      ["--engine", "in-process", "--duckdb-memory-limit", "4GB"],
      "tip-model: --duckdb-memory-limit: applies to --engine duckdb, not in-process",
    ],
    [
      ["prepare", "--engine", "duckdb", "--spark-remote", "sc://h:15002", "--out", "p.csv"],
      "tip-model: --spark-remote: applies to --engine spark, not duckdb",
    ],
    [
      ["--data-dir", "d", "--sample-rows", "10"],
      "tip-model: --sample-rows: applies to the built-in generated sample only, not with --data-dir",
    ],
    [
      ["prepare", "--trips", "t.csv", "--zones", "z.csv", "--seed", "7", "--out", "p.csv"],
      "tip-model: --seed: applies to the built-in generated sample only, not with --trips and --zones",
    ],
    [
      ["--no-stream-read"],
      "tip-model: --no-stream-read: applies to data files (--data-dir or --trips) only, not to the built-in generated sample",
    ],
    [
      ["prepare", "--drop-invalid-rows", "--out", "p.csv"],
      "tip-model: --drop-invalid-rows: applies to data files (--data-dir or --trips) only, not to the built-in generated sample",
    ],
    [
      ["--engine", "duckdb", "--data-dir", "d", "--stream-read"],
      "tip-model: --stream-read: applies to --engine in-process or spark, not duckdb",
    ],
    [
      ["prepare", "--engine", "duckdb", "--duckdb-read", "streamed", "--out", "p.csv"],
      "tip-model: --duckdb-read: applies to data files (--data-dir or --trips) only, not to the built-in generated sample",
    ],
    [
      ["--engine", "in-process", "--duckdb-read", "table", "--data-dir", "d"],
      "tip-model: --duckdb-read: applies to --engine duckdb, not in-process",
    ],
    [
      ["--data-dir", "d", "--trips", "t.csv", "--zones", "z.csv"],
      "tip-model: --data-dir: applies when --trips or --zones is not given (it holds the other file), not with both",
    ],
  ])("%j", async (argv, expected) => {
    const { code, out, err } = await cli(...argv);
    expect({ code, out, err }).toEqual({ code: 2, out: "", err: `${expected}\n` });
  });

  it("accepts them from a config file (one file may hold every model's and engine's settings), and where they apply", async () => {
    const dir = await folder("mode-flags");
    const file = join(dir, "all-modes.json");
    await writeFile(file, JSON.stringify({ num_trees: 50, max_iter: 5, duckdb_memory_limit: "4GB" }));
    const fromFile = await cli("--config", file, "--model", "linear", "--data-dir", dir, "--print-config");
    expect({ code: fromFile.code, err: fromFile.err }).toEqual({ code: 0, err: "" });
    expect(JSON.parse(fromFile.out)).toMatchObject({
      model: "linear",
      num_trees: 50,
      duckdb_memory_limit: "4GB",
    });
    const applying = ["--model", "gbt", "--max-iter", "5", "--engine", "duckdb", "--duckdb-read", "table"];
    expect(await cli(...applying, "--data-dir", dir, "--drop-invalid-rows", "--print-config")).toMatchObject({
      code: 0,
      err: "",
    });
    const generated = ["--engine", "duckdb", "--duckdb-memory-limit", "1GB", "--duckdb-database", "x.db"];
    expect(await cli(...generated, "--sample-rows", "10", "--seed", "3", "--print-config")).toMatchObject({
      code: 0,
      err: "",
    });
    for (const engine of ["in-process", "spark"]) {
      const read = ["--engine", engine, "--trips", "t.csv", "--zones", "z.csv", "--no-stream-read"];
      expect(await cli(...read, "--no-drop-invalid-rows", "--print-config")).toMatchObject({
        code: 0,
        err: "",
      });
    }
    const dataDir = ["--data-dir", dir, "--trips", "t.csv", "--print-config"];
    expect(await cli(...dataDir)).toMatchObject({ code: 0, err: "" });
    const prepare = await cli(
      "prepare",
      "--seed",
      "3",
      "--sample-rows",
      "10",
      "--out",
      "p.csv",
      "--print-config",
    );
    expect(prepare).toMatchObject({ code: 0, err: "" });
    const prepareData = [
      "prepare",
      "--data-dir",
      dir,
      "--stream-read",
      "--drop-invalid-rows",
      "--out",
      "p.csv",
    ];
    expect(await cli(...prepareData, "--print-config")).toMatchObject({ code: 0, err: "" });
    const dataFile = join(dir, "every-data-setting.json");
    await writeFile(
      dataFile,
      JSON.stringify({ data_dir: dir, stream_read: false, drop_invalid_rows: true, duckdb_read: "table" }),
    );
    const fromDataFile = await cli(
      "--config",
      dataFile,
      "--trips",
      "t.csv",
      "--zones",
      "z.csv",
      "--print-config",
    );
    expect({ code: fromDataFile.code, err: fromDataFile.err }).toEqual({ code: 0, err: "" });
  });
});

describe("data errors: exit 1, one clear line, no stack trace, no output", () => {
  async function expectDataError(args: string[], expected: RegExp): Promise<void> {
    const output = join(root, "out-never");
    const { code, out, err, messages } = await cli(...args, "--output-dir", output);
    expect(code).toBe(1);
    expect(out).toBe("");
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(expected);
    expect(err.trimEnd().split("\n").at(-1)).toBe(messages[0]);
    expect(err).not.toMatch(STACK_LINE);
    expect(existsSync(output)).toBe(false);
  }

  it("a data_dir that does not exist", async () => {
    const missing = join(root, "no-such-folder");
    await expectDataError(
      ["--data-dir", missing],
      new RegExp(`^tip-model: data_dir ${missing} does not exist$`),
    );
  });

  it("an empty data_dir", async () => {
    await expectDataError(
      ["--data-dir", ""],
      /^tip-model: data_dir \(--data-dir\) is empty: name the folder of the data$/,
    );
  });

  it("a data_dir that is a file", async () => {
    const file = join(sampleDir, SAMPLE_FILES.trips);
    await expectDataError(
      ["--data-dir", file],
      /^tip-model: data_dir .*taxi_trip_data\.csv is not a folder$/,
    );
  });

  it("a data_dir without the zone table names the file and lists the folder", async () => {
    const dir = await folder("trips-only");
    await writeFile(join(dir, SAMPLE_FILES.trips), await readFile(join(sampleDir, SAMPLE_FILES.trips)));
    await expectDataError(
      ["--data-dir", dir],
      /^tip-model: no taxi_zone_geo\.csv \(or \.parquet, \.arrow\) in data_dir .*; it holds: taxi_trip_data\.csv$/,
    );
  });

  it("a malformed time stamp names the file, line, column and value", async () => {
    const dir = await folder("bad-stamp");
    const lines = (await readFile(join(sampleDir, SAMPLE_FILES.trips), "utf8")).split("\n");
    const fields = (lines[3] as string).split(",");
    fields[1] = "2018-02-30 25:61:00";
    lines[3] = fields.join(",");
    await writeFile(join(dir, SAMPLE_FILES.trips), lines.join("\n"));
    await writeFile(join(dir, SAMPLE_FILES.zones), await readFile(join(sampleDir, SAMPLE_FILES.zones)));
    await expectDataError(
      ["--data-dir", dir],
      /^tip-model: .*taxi_trip_data\.csv line 4, column pickup_datetime: cannot parse "2018-02-30 25:61:00" as a timestamp/,
    );

    const out = join(root, "dropped-out");
    const dropped = await cli("--data-dir", dir, "--drop-invalid-rows", "--output-dir", out);
    expect(dropped.code).toBe(0);
    expect(dropped.err).toMatch(
      /taxi_trip_data: read 2,999 rows from \S+taxi_trip_data\.csv in [\d,]+ ms rows=2,999 dropped=1\n.*WARN tip-model: taxi_trip_data: dropped 1 row with invalid values \(pickup_datetime 1\)/,
    );
    const model = JSON.parse(await readFile(join(out, OUTPUT_FILES.model), "utf8"));
    expect(model.rows.input.taxi_trip_data).toBe(2_999);
  });

  it("a malformed number names the file, line, column and value", async () => {
    const dir = await folder("bad-number");
    const lines = (await readFile(join(sampleDir, SAMPLE_FILES.trips), "utf8")).split("\n");
    const fields = (lines[10] as string).split(",");
    fields[11] = "abc"; // tip_amount
    lines[10] = fields.join(",");
    await writeFile(join(dir, SAMPLE_FILES.trips), lines.join("\n"));
    await writeFile(join(dir, SAMPLE_FILES.zones), await readFile(join(sampleDir, SAMPLE_FILES.zones)));
    await expectDataError(
      ["--data-dir", dir],
      /^tip-model: .*taxi_trip_data\.csv line 11, column tip_amount: .*"abc"/,
    );
  });

  it("filters that leave no rows to train on", async () => {
    await expectDataError(
      ["--sample-rows", "2000", "--history-start-month", "202001", "--history-end-month", "202002"],
      /^tip-model: no training rows: the filters left no usable prepared rows; relax the filters or add data$/,
    );
  });

  it("a test fraction that leaves no training rows says to lower it, not to relax the filters", async () => {
    await expectDataError(
      ["--sample-rows", "2000", "--test-fraction", "0.999999"],
      /^tip-model: no training rows: test_fraction 0\.999999 put all \d+ usable prepared rows in the test set; lower test_fraction$/,
    );
  });

  it("a trips glob that matches nothing, and trips without zones", async () => {
    await expectDataError(
      ["--trips", join(root, "nothing", "*.csv"), "--zones", join(sampleDir, SAMPLE_FILES.zones)],
      /^tip-model: .*nothing\/\*\.csv: no file matches this pattern$/,
    );
    await expectDataError(
      ["--trips", join(sampleDir, SAMPLE_FILES.trips)],
      /^tip-model: --trips was given without a zone table: add --zones or --data-dir$/,
    );
  });
});

describe("an output_dir that cannot be written", () => {
  it.each([
    ["a path under a regular file", "under-file", join("file", "out", "run-1"), "FILE is not a folder"],
    ["an existing regular file", "is-file", "file", "it is a file, not a folder"],
  ])("%s: one line, exit 1 before any work, no output", async (_, name, relative, reason) => {
    const dir = await folder(`blocked-${name}`);
    const file = join(dir, "file");
    await writeFile(file, "not a folder");
    const target = join(dir, relative);
    const blocker = reason.replace("FILE", file);
    const { code, out, err, messages } = await cli("--sample-rows", "3000", "--output-dir", target);
    expect(code).toBe(1);
    expect(out).toBe("");
    expect(messages).toHaveLength(1);
    expect(messages[0]).toBe(`tip-model: cannot write --output-dir ${target}: ${blocker}`);
    expect(err).not.toMatch(STACK_LINE);
    expect(err).not.toContain("extract: started");
    expect(await readdir(dir)).toEqual(["file"]);
    expect(await readFile(file, "utf8")).toBe("not a folder");
  });
});

describe("commands that work", () => {
  it("--version prints the package's version", async () => {
    const { version } = JSON.parse(await readFile(new URL("../package.json", import.meta.url), "utf8")) as {
      version: string;
    };
    const result = await cli("--version");
    expect(result.code).toBe(0);
    expect(result.out).toBe(`${version}\n`);
  });

  it("sample --rows 500 --out DIR, then run --data-dir DIR", async () => {
    const data = join(root, "small-sample");
    const sample = await cli("sample", "--rows", "500", "--out", data);
    expect(sample.code).toBe(0);
    expect(sample.out).toBe(
      `sample: ${join(data, SAMPLE_FILES.trips)} (500 rows), ${join(data, SAMPLE_FILES.zones)}\n`,
    );
    expect((await readdir(data)).sort()).toEqual([MANIFEST_FILE, SAMPLE_FILES.trips, SAMPLE_FILES.zones]);

    const output = join(root, "small-out");
    const run = await cli("run", "--data-dir", data, "--output-dir", output);
    expect(run.messages).toEqual([]);
    expect(run.code).toBe(0);
    // the run ends with a summary: time, rows, test metrics beside the baseline, each file with its size
    const lines = run.out.trimEnd().split("\n");
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/^done in [\d.]+ s: 500 trips read → 179 prepared → \d+ training \/ \d+ test$/);
    expect(lines[1]).toMatch(
      /^test RMSE [\d.]+ \(predicting the training mean: [\d.]+\), MAE [\d.]+, R² -?[\d.]+$/,
    );
    expect(lines[2]).toBe(
      `wrote ${output}: ${["model.json", "metrics.json", "predictions.csv", "report.html"].map((name) => `${name} ${formatBytes(statSync(join(output, name)).size)}`).join(", ")}`,
    );
    expect(lines[3]).toBe(`report: ${join(output, OUTPUT_FILES.report)}`);
    expect((await readdir(output)).sort()).toEqual([MANIFEST_FILE, ...Object.values(OUTPUT_FILES)].sort());
    const model = JSON.parse(await readFile(join(output, OUTPUT_FILES.model), "utf8"));
    expect(model.config.data_dir).toBe(data);
    expect(model.rows.input.taxi_trip_data).toBe(500);
    expect(run.err).toMatch(/taxi_trip_data: read 500 rows from \S+taxi_trip_data\.csv in [\d,]+ ms/);
  });

  it("run is the default command; with --overwrite it writes beside the user's files and keeps them", async () => {
    const output = join(root, "default-out");
    await mkdir(output);
    await writeFile(join(output, "notes.txt"), "the user's own");
    const first = await cli(
      "--sample-rows",
      "2000",
      "--model",
      "linear",
      "--output-dir",
      output,
      "--overwrite",
    );
    expect(first.code).toBe(0);
    expect((await readdir(output)).sort()).toEqual(
      [MANIFEST_FILE, "notes.txt", ...Object.values(OUTPUT_FILES)].sort(),
    );
    expect(await readFile(join(output, "notes.txt"), "utf8")).toBe("the user's own");
    const model = JSON.parse(await readFile(join(output, OUTPUT_FILES.model), "utf8"));
    expect(model.model).toBe("linearRegression");
    expect(model.config).toMatchObject({ sample_rows: 2000, model: "linear" });
    expect(await readdir(root)).not.toContainEqual(expect.stringMatching(/^\.default-out/));
  });

  it("--log-level warn keeps stderr to the warnings: the generated sample, and few test rows, with the numbers", async () => {
    const output = join(root, "quiet-out");
    const quiet = await cli("--sample-rows", "2000", "--log-level", "warn", "--output-dir", output);
    expect(quiet.code).toBe(0);
    const lines = quiet.err.trimEnd().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /WARN tip-model: no data given \(--data-dir, --trips, --zones\): using the built-in generated sample, 2000 trips \(seed 42\)$/,
    );
    const few = await cli(
      "--sample-rows",
      "2000",
      "--test-fraction",
      "0.01",
      "--log-level",
      "warn",
      "--output-dir",
      output,
    );
    expect(few.code).toBe(0);
    expect(few.err.trimEnd().split("\n")[1]).toMatch(
      /WARN tip-model: few rows to learn from: \d+ training rows \(minimum 100\), \d+ test rows \(minimum 30\); the metrics will be unreliable/,
    );
  });

  it("prepare that keeps no row warns with the input counts and writes an empty table", async () => {
    const out = join(await folder("empty-prepared"), "p.csv");
    const run = await cli(
      "prepare",
      "--data-dir",
      sampleDir,
      "--history-start-month",
      "202001",
      "--history-end-month",
      "202002",
      "--out",
      out,
      "--log-level",
      "warn",
    );
    expect(run.code).toBe(0);
    expect(run.out).toBe(`prepared: ${out} (0 rows)\n`);
    expect(run.err).toMatch(
      /WARN tip-model: 0 prepared rows: the filters kept nothing of \{"taxi_trip_data":3000,"taxi_zone_geo":263\} input rows; writing an empty table/,
    );
  });

  it("flags win over a config file, which wins over the defaults", async () => {
    const dir = await folder("config");
    const file = join(dir, "config.json");
    await writeFile(file, JSON.stringify({ test_fraction: 0.3, seed: 5, sample_rows: 2500 }));
    const output = join(dir, "out");
    const { code } = await cli("--config", file, "--seed", "6", "--output-dir", output);
    expect(code).toBe(0);
    const model = JSON.parse(await readFile(join(output, OUTPUT_FILES.model), "utf8"));
    expect(model.config).toMatchObject({
      test_fraction: 0.3,
      seed: 6,
      sample_rows: 2500,
      n_first_daily_rides_to_keep: 3,
    });
  });

  it("prepare --out FILE writes the prepared table sorted by pickup_location_id, pickup_datetime, dropoff_datetime", async () => {
    const file = join(root, "prepared", "prepared.csv");
    const { code, out } = await cli("prepare", "--data-dir", sampleDir, "--out", file);
    expect(code).toBe(0);
    const rows = Number(/\((\d+) rows\)/.exec(out)?.[1]);
    expect(out).toBe(`prepared: ${file} (${rows} rows)\n`);
    const prepared = await readTable(file, predictionsSchema.omit({ prediction: true }));
    expect(prepared.numRows()).toBe(rows);
    expect(rows).toBeGreaterThan(100);
    expect(prepared.columnNames()).toEqual(
      Object.keys(predictionsSchema.shape).filter((name) => name !== "prediction"),
    );
    const zone = prepared.array("pickup_location_id") as ArrayLike<number>;
    const pickup = Array.from(prepared.array("pickup_datetime") as ArrayLike<number | Date>, Number);
    const dropoff = Array.from(prepared.array("dropoff_datetime") as ArrayLike<number | Date>, Number);
    let unsorted = 0;
    for (let i = 1; i < rows; i++) {
      const order =
        (zone[i - 1] as number) - (zone[i] as number) ||
        (pickup[i - 1] as number) - (pickup[i] as number) ||
        (dropoff[i - 1] as number) - (dropoff[i] as number);
      if (order > 0) unsorted++;
    }
    expect(unsorted).toBe(0);
    expect(new Set(Array.from(zone)).size).toBeGreaterThan(20);
  });

  it("--trips 'DIR/*.csv' --zones FILE reads TLC layouts over two files: the same prepared table", async () => {
    const dir = await folder("tlc");
    const trips = (await readFile(join(sampleDir, SAMPLE_FILES.trips), "utf8")).trimEnd().split("\n");
    const header = (trips[0] as string).split(",");
    const tlcColumns: [tlc: string, guide: string | undefined][] = [
      ["VendorID", "vendor_id"],
      ["tpep_pickup_datetime", "pickup_datetime"],
      ["tpep_dropoff_datetime", "dropoff_datetime"],
      ["passenger_count", "passenger_count"],
      ["trip_distance", "trip_distance"],
      ["RatecodeID", "rate_code"],
      ["store_and_fwd_flag", "store_and_fwd_flag"],
      ["PULocationID", "pickup_location_id"],
      ["DOLocationID", "dropoff_location_id"],
      ["payment_type", "payment_type"],
      ["fare_amount", "fare_amount"],
      ["extra", "extra"],
      ["mta_tax", "mta_tax"],
      ["tip_amount", "tip_amount"],
      ["tolls_amount", "tolls_amount"],
      ["improvement_surcharge", "imp_surcharge"],
      ["total_amount", "total_amount"],
      ["congestion_surcharge", undefined],
    ];
    const positions = tlcColumns.map(([, guide]) => (guide === undefined ? -1 : header.indexOf(guide)));
    expect(positions.filter((p) => p >= 0).sort((a, b) => a - b)).toEqual(header.map((_, i) => i));
    const toTlc = (line: string): string => {
      expect(line).not.toContain('"');
      const fields = line.split(",");
      return positions.map((p) => (p < 0 ? "" : fields[p])).join(",");
    };
    const tlcHeader = tlcColumns.map(([tlc]) => tlc).join(",");
    const body = trips.slice(1).map(toTlc);
    const half = Math.floor(body.length / 2);
    await mkdir(join(dir, "trips"));
    await writeFile(
      join(dir, "trips", "yellow_tripdata_2018-01.csv"),
      `${tlcHeader}\n${body.slice(0, half).join("\n")}\n`,
    );
    await writeFile(
      join(dir, "trips", "yellow_tripdata_2018-02.csv"),
      `${tlcHeader}\r\n${body.slice(half).join("\r\n")}\r\n`,
    );
    const zones = (await readFile(join(sampleDir, SAMPLE_FILES.zones), "utf8")).trimEnd().split("\n");
    expect(zones[0]).toBe("zone_id,zone_name,borough");
    const quote = (value: string): string => `"${value}"`;
    const lookup = zones.slice(1).map((line) => {
      expect(line).not.toContain('"');
      const [id, name, borough] = line.split(",") as [string, string, string];
      return [id, borough, name, borough === "Manhattan" ? "Yellow Zone" : "Boro Zone"].map(quote).join(",");
    });
    const zoneFile = join(dir, "taxi_zone_lookup.csv");
    await writeFile(zoneFile, `"LocationID","Borough","Zone","service_zone"\n${lookup.join("\n")}\n`);

    const fromTlc = join(dir, "from-tlc.csv");
    const tlc = await cli(
      "prepare",
      "--trips",
      join(dir, "trips", "*.csv"),
      "--zones",
      zoneFile,
      "--out",
      fromTlc,
    );
    expect(tlc.messages).toEqual([]);
    expect(tlc.code).toBe(0);
    expect(tlc.err).toMatch(/taxi_trip_data: read 3,000 rows from 2 files in [\d,]+ ms/);
    const fromGuide = join(dir, "from-guide.csv");
    const guide = await cli("prepare", "--data-dir", sampleDir, "--out", fromGuide);
    expect(guide.code).toBe(0);
    expect(await readFile(fromTlc, "utf8")).toBe(await readFile(fromGuide, "utf8"));

    const output = join(dir, "out");
    const run = await cli(
      "--trips",
      join(dir, "trips", "*.csv"),
      "--zones",
      zoneFile,
      "--output-dir",
      output,
    );
    expect(run.code).toBe(0);
    const model = JSON.parse(await readFile(join(output, OUTPUT_FILES.model), "utf8"));
    expect(model.rows.input).toEqual({ taxi_trip_data: 3000, taxi_zone_geo: lookup.length });
  });
});
