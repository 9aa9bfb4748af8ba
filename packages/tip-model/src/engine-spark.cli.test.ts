import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { resetLogging } from "@tablepipe/job";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { runTipModelCli } from "./commands";

// `--engine spark` against the in-process engine on a real Spark (the Spark Connect server the test setup
// found; `pnpm spark:start`): the same prepared table, byte for byte. Without a server: declared, not run.
const remote = inject("sparkRemote");

let root: string;
let data: string;

async function cli(...argv: string[]): Promise<{ code: number; out: string; log: string }> {
  const chunks = { out: [] as string[], err: [] as string[] };
  const stream = (into: string[]) => ({ write: (c: string) => into.push(c) > 0 });
  const code = await runTipModelCli(argv, { stdout: stream(chunks.out), stderr: stream(chunks.err) });
  resetLogging();
  return { code, out: chunks.out.join(""), log: chunks.err.join("") };
}

async function prepareBoth(name: string, ...flags: string[]) {
  const files = { inProcess: join(root, `${name}-in-process.csv`), spark: join(root, `${name}-spark.csv`) };
  const reference = await cli("prepare", ...flags, "--out", files.inProcess);
  const spark = await cli(
    "prepare",
    ...flags,
    "--engine",
    "spark",
    "--spark-remote",
    remote,
    "--out",
    files.spark,
  );
  expect([reference.code, spark.code], spark.log).toEqual([0, 0]);
  return {
    inProcess: await readFile(files.inProcess, "utf8"),
    spark: await readFile(files.spark, "utf8"),
    log: spark.log,
  };
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "tip-model-spark-"));
  data = join(root, "data");
  expect((await cli("sample", "--rows", "3000", "--seed", "11", "--out", data)).code).toBe(0);
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe.runIf(remote !== "")("tip-model prepare --engine spark", { timeout: 120_000 }, () => {
  it("writes the in-process prepared table, byte for byte, on the generated sample", async () => {
    const { inProcess, spark, log } = await prepareBoth("generated", "--sample-rows", "5000", "--seed", "5");
    expect(inProcess.split("\n").length).toBeGreaterThan(100);
    expect(spark).toBe(inProcess);
    expect(log).toContain("engine spark: on Spark: filterData > dropDuplicates, ");
    expect(log).toContain("addFeatures > encodeFlag, sortRows; in process: none");
  });

  it("writes the in-process prepared table from trip files (read in process, shipped to Spark)", async () => {
    const { inProcess, spark } = await prepareBoth("files", "--data-dir", data);
    expect(inProcess.split("\n").length).toBeGreaterThan(50);
    expect(spark).toBe(inProcess);
  });
});

describe("tip-model --spark-remote", () => {
  it("refuses a remote that is not a Spark Connect connection string, naming the flag", async () => {
    const result = await cli(
      "prepare",
      "--engine",
      "spark",
      "--spark-remote",
      "http://x",
      "--out",
      join(root, "x.csv"),
    );
    expect(result.code).toBe(2);
    expect(result.log).toContain("--spark-remote");
  });

  it("says which endpoint could not be reached", async () => {
    const result = await cli(
      "prepare",
      "--engine",
      "spark",
      "--spark-remote",
      "sc://127.0.0.1:9/",
      "--sample-rows",
      "200",
      "--out",
      join(root, "y.csv"),
    );
    expect(result.code).not.toBe(0);
    expect(result.log).toContain("the Spark Connect server cannot be reached");
  });
});
