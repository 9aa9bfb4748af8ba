import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

// Ctrl-C during a stage stops the run there: the interrupt is noticed when the stage's work lets the event loop
// run (between batches of a streamed read, between the steps of a pipe, at the stage's end), the stage logs that
// it stopped, the output folder the run created is removed, and the process ends as SIGINT says (a shell's 130).
// The child sends SIGINT to itself from inside the stage (the job's hooks: its `trainModel`, its read options),
// so the test does not depend on timing and the input stays small. On Spark (the server the test setup found,
// `pnpm spark:start`), the pipe's query is made to run for ~30 s, and only an interrupt of it ends the run.

const repoRoot = fileURLToPath(new URL("../../..", import.meta.url));
const remote = inject("sparkRemote");
const source = (path: string): string => JSON.stringify(fileURLToPath(new URL(path, import.meta.url)));

let root: string;
let data: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "tip-model-interrupt-"));
  data = join(root, "data");
  const sample = runWithHook("", ["sample", "--rows", "3000", "--seed", "3", "--out", data]);
  expect(sample.status).toBe(0);
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

/**
 * Run the CLI's code (`runTipModelCli`, as `cli.ts` does) in a child process through bash, after `hook` (module
 * code with `TipAmountModel`, `taxiTripSchema` and `SparkConnectClient` in scope) has changed the job;
 * returns the child's output and its exit status as the shell reports it.
 */
function runWithHook(
  hook: string,
  argv: readonly string[],
): { status: number; stdout: string; stderr: string } {
  const script = `
    const { TipAmountModel } = await import(${source("./job/tip-amount-model.ts")});
    const { taxiTripSchema } = await import(${source("./data/index.ts")});
    const { SparkConnectClient } = await import(${source("../../spark/src/index.ts")});
    const { runTipModelCli } = await import(${source("./commands.ts")});
    ${hook}
    process.exitCode = await runTipModelCli(${JSON.stringify(argv)});`;
  const { DEBUG: _debug, ...env } = process.env;
  const result = spawnSync(
    "bash",
    [
      "-c",
      '"$@"; echo "exit status $?"',
      "bash",
      process.execPath,
      "--import",
      "tsx",
      "--input-type=module",
      "-e",
      script,
    ],
    {
      cwd: repoRoot,
      encoding: "utf8",
      env: { ...env, NO_COLOR: "1", TABLEPIPE_COMPILE_CACHE: "off" },
      // a run the interrupt does not stop fails the test instead of blocking it
      timeout: 120_000,
    },
  );
  if (result.error) throw result.error;
  const status = /exit status (\d+)\n$/.exec(result.stdout);
  return {
    status: Number(status?.[1]),
    stdout: result.stdout.slice(0, status?.index),
    stderr: result.stderr,
  };
}

/** The hooks that send SIGINT from inside a stage. */
const DURING = {
  // the model's fit: a stage that never gives the event loop a turn until it ends
  train: `
    const fit = TipAmountModel.prototype.trainModel;
    TipAmountModel.prototype.trainModel = function () {
      process.kill(process.pid, "SIGINT");
      return fit.call(this);
    };`,
  // the first progress report of the streamed read of the trip files
  transform: `
    const readOptions = TipAmountModel.prototype.readOptions;
    TipAmountModel.prototype.readOptions = function (schema, aliases) {
      const options = readOptions.call(this, schema, aliases);
      if (schema !== taxiTripSchema) return options;
      let sent = false;
      return { ...options, onProgress: (progress) => {
        options.onProgress?.(progress);
        if (!sent) process.kill(process.pid, "SIGINT");
        sent = true;
      } };
    };`,
  // the pipe's query on Spark, made to run for ~30 s (its rows once Spark has hashed 10^10 numbers), sent
  sparkQuery: `
    const sql = SparkConnectClient.prototype.sql;
    SparkConnectClient.prototype.sql = function (query, what, options) {
      if (what !== "the pipe's query") return sql.call(this, query, what, options);
      const slow = "SELECT * FROM (" + query + ") WHERE (SELECT sum(hash(id)) FROM range(0, 10000000000, 1, 1)) IS NOT NULL";
      const running = sql.call(this, slow, what, options);
      // a moment for Spark to start its job; the query cannot end by itself first
      setTimeout(() => process.kill(process.pid, "SIGINT"), 1000);
      return running;
    };`,
} as const;

describe("tip-model run, interrupted by SIGINT", () => {
  it.each([
    ["train", ["--sample-rows", "3000"]],
    ["transform", ["--data-dir", "DATA"]],
  ] as const)(
    "during %s: stops in that stage, exits 130, removes the output folder it created",
    async (stage, flags) => {
      const out = join(root, `out-${stage}`);
      const argv = [...flags.map((flag) => flag.replace("DATA", data)), "--output-dir", out];
      const run = runWithHook(DURING[stage], argv);
      expect(run.status).toBe(130);
      const log = run.stderr;
      // it stopped in the stage (the next stage never started), and left nothing behind
      expect(log).toContain(`INFO tip-model: ${stage}: started`);
      expect(log).not.toContain(`${stage}: done`);
      expect(log).not.toContain("load: started");
      expect(existsSync(out)).toBe(false);
      expect((await readdir(root)).sort()).toEqual(["data"]);
      // and said so
      expect(log).toContain("WARN tip-model: interrupted by SIGINT: stopping at the next step");
      expect(log).toMatch(
        new RegExp(`WARN tip-model: ${stage}: stopped after [\\d.]+ m?s: interrupted by SIGINT\\n$`),
      );
      expect(run.stdout).toBe("");
    },
  );
});

describe.runIf(remote !== "")("tip-model run --engine spark, interrupted by SIGINT", () => {
  it("interrupts the query running on Spark: stops in transform, exits 130, removes the output folder", async () => {
    const out = join(root, "out-spark");
    const argv = [
      "--engine",
      "spark",
      "--spark-remote",
      remote,
      "--sample-rows",
      "3000",
      "--output-dir",
      out,
    ];
    const run = runWithHook(DURING.sparkQuery, argv);
    expect(run.status).toBe(130);
    const log = run.stderr;
    expect(log).toContain("INFO tip-model: transform: started");
    expect(log).not.toContain("transform: done");
    expect(existsSync(out)).toBe(false);
    expect((await readdir(root)).sort()).toEqual(["data"]);
    expect(log).toContain("WARN tip-model: interrupted by SIGINT: stopping at the next step");
    expect(log).toMatch(/WARN tip-model: transform: stopped after [\d.]+ m?s: interrupted by SIGINT\n$/);
    expect(run.stdout).toBe("");
  });
});
