import { afterAll, afterEach, describe, expect, it } from "vitest";
import { resetLogging } from "../log/logger";
import type { CliCommand } from "./cli-types";
import { ConfigError } from "./errors";
import { parseConfig } from "./parse-config";
import { runCli } from "./run-cli";
import { captureStream, tempFolder, tipSchema } from "./test-support";

const tmp = tempFolder();
afterAll(() => tmp.remove());
afterEach(() => resetLogging());

/** `random_forest.*` applies to the random forest only; `data_dir` not to the linear model (for the test). */
const command: CliCommand<typeof tipSchema> = {
  description: "train",
  schema: tipSchema,
  flagConditions: {
    random_forest: (c) =>
      c.model === "random-forest" ? undefined : `applies to --model random-forest, not ${c.model}`,
    data_dir: (c) => (c.model === "linear" ? "not read by --model linear" : undefined),
  },
  run: () => {},
};

async function cli(argv: string[]): Promise<{ code: number; out: string; err: string; ran: boolean }> {
  const stdout = captureStream();
  const stderr = captureStream();
  let ran = false;
  const code = await runCli(argv, {
    programName: "tip-model",
    defaultCommand: "run",
    env: {},
    cwd: tmp.dir,
    commands: {
      run: {
        ...command,
        run: () => {
          ran = true;
        },
      },
    },
    stdout,
    stderr,
  });
  return { code, out: stdout.text(), err: stderr.text(), ran };
}

describe("runCli: flagConditions", () => {
  it("refuses a flag given on the command line that the resolved config ignores: exit 2, the flag and why", async () => {
    expect(await cli(["--model", "gbt", "--random-forest.num-trees", "50"])).toEqual({
      code: 2,
      out: "",
      err: "tip-model: --random-forest.num-trees: applies to --model random-forest, not gbt\n",
      ran: false,
    });
  });

  it("names the other flags that do not apply, in the schema's order", async () => {
    const { code, err } = await cli([
      "--data-dir",
      "d",
      "--model",
      "linear",
      "--random-forest.num-trees",
      "5",
      "--no-random-forest.bootstrap",
    ]);
    expect(code).toBe(2);
    expect(err).toBe(
      "tip-model: --data-dir: not read by --model linear (and 2 more flags that do not apply: --random-forest.num-trees, --no-random-forest.bootstrap)\n",
    );
  });

  it("names a boolean flag as typed: --no-x when it was given false", async () => {
    expect((await cli(["--model", "gbt", "--no-random-forest.bootstrap"])).err).toBe(
      "tip-model: --no-random-forest.bootstrap: applies to --model random-forest, not gbt\n",
    );
    expect((await cli(["--model", "gbt", "--random-forest.bootstrap"])).err).toBe(
      "tip-model: --random-forest.bootstrap: applies to --model random-forest, not gbt\n",
    );
  });

  it("checks against the resolved config: a mode set in --config counts, and so does --print-config", async () => {
    const file = tmp.file("linear.json", JSON.stringify({ model: "linear" }));
    expect((await cli(["--config", file, "--random-forest.num-trees", "5"])).code).toBe(2);
    expect((await cli(["--config", file, "--random-forest.num-trees", "5", "--print-config"])).code).toBe(2);
  });

  it("accepts the same values from a --config file: it may hold the settings of every mode", async () => {
    const file = tmp.file("all.json", JSON.stringify({ model: "gbt", random_forest: { num_trees: 5 } }));
    expect(await cli(["--config", file])).toMatchObject({ code: 0, err: "", ran: true });
    const other = tmp.file("trees.json", JSON.stringify({ random_forest: { num_trees: 5 } }));
    expect(await cli(["--config", other, "--model", "gbt"])).toMatchObject({ code: 0, err: "", ran: true });
  });

  it("accepts a flag that applies, and flags without a condition", async () => {
    expect(await cli(["--random-forest.num-trees", "50", "--test-fraction", "0.1"])).toMatchObject({
      code: 0,
      err: "",
      ran: true,
    });
    expect(await cli(["--model", "gbt", "--data-dir", "d"])).toMatchObject({ code: 0, ran: true });
  });
});

/** What `parseConfig` gives for `argv` with the command's conditions: the config, or the error it threw. */
function parsed(
  argv: string[],
): { config: unknown } | { error: string; kind: string; flag: string | undefined } {
  try {
    const result = parseConfig(tipSchema, argv, { cwd: tmp.dir, flagConditions: command.flagConditions });
    return { config: result.kind === "config" ? result.config : result.text };
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return { error: error.message, kind: error.kind, flag: error.flag };
  }
}

describe("parseConfig: flagConditions (the playground's and notebooks' path)", () => {
  it("refuses the flags runCli refuses, with the same message", async () => {
    const argv = ["--data-dir", "d", "--model", "linear", "--random-forest.num-trees", "5"];
    expect(parsed(argv)).toEqual({
      error:
        "--data-dir: not read by --model linear (and 1 more flag that does not apply: --random-forest.num-trees)",
      kind: "inapplicable-flag",
      flag: "--data-dir",
    });
    expect((await cli(argv)).err).toBe(`tip-model: ${(parsed(argv) as { error: string }).error}\n`);
  });

  it("checks against the resolved config, and accepts the same values from a --config file", () => {
    const linear = tmp.file("parse-linear.json", JSON.stringify({ model: "linear" }));
    expect(parsed(["--config", linear, "--random-forest.num-trees", "5"])).toMatchObject({
      error: "--random-forest.num-trees: applies to --model random-forest, not linear",
    });
    const all = tmp.file(
      "parse-all.json",
      JSON.stringify({ data_dir: "d", random_forest: { num_trees: 5 } }),
    );
    expect(parsed(["--config", all, "--model", "linear"])).toMatchObject({
      config: { model: "linear", data_dir: "d", random_forest: { num_trees: 5, bootstrap: true } },
    });
  });

  it("accepts a flag that applies; without conditions every flag is accepted", () => {
    expect(parsed(["--model", "gbt", "--data-dir", "d"])).toMatchObject({ config: { data_dir: "d" } });
    const result = parseConfig(tipSchema, ["--model", "linear", "--random-forest.num-trees", "5"]);
    expect(result).toMatchObject({ kind: "config", config: { random_forest: { num_trees: 5 } } });
  });

  it("--help still prints help", () => {
    expect(parsed(["--model", "linear", "--random-forest.num-trees", "5", "--help"])).toMatchObject({
      config: expect.stringContaining("--random-forest.num-trees"),
    });
  });
});
