import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, expectTypeOf, it } from "vitest";
import * as z from "zod";
import { getLogger, resetLogging } from "../log/logger";
import type { RunCliOptions } from "./cli-types";
import { ConfigError } from "./errors";
import { runCli } from "./run-cli";
import { captureStream, tempFolder, tipSchema } from "./test-support";

const sampleSchema = z.object({
  rows: z.number().int().positive().default(1000).describe("rows to generate"),
  seed: z.number().int().default(42).describe("random seed"),
});

const tmp = tempFolder();
afterAll(() => tmp.remove());
afterEach(() => resetLogging());

type Commands = { run: typeof tipSchema; sample: typeof sampleSchema };

/** Run the CLI with captured output; `overrides` replace the commands' run functions. */
async function cli(
  argv: string[],
  overrides: Partial<RunCliOptions<Commands>> = {},
): Promise<{ code: number; out: string; err: string; calls: string[] }> {
  const stdout = captureStream();
  const stderr = captureStream();
  const calls: string[] = [];
  const code = await runCli(argv, {
    programName: "tip-model",
    description: "Predict taxi tips.",
    defaultCommand: "run",
    env: {},
    cwd: tmp.dir,
    commands: {
      run: {
        description: "train and evaluate the model",
        schema: tipSchema,
        run: (config) => {
          calls.push(`run ${config.model} ${config.test_fraction} ${config.random_forest.num_trees}`);
        },
      },
      sample: {
        description: "write a sample data set",
        schema: sampleSchema,
        run: async (config) => {
          await Promise.resolve();
          calls.push(`sample ${config.rows} ${config.seed}`);
        },
      },
    },
    stdout,
    stderr,
    ...overrides,
  });
  return { code, out: stdout.text(), err: stderr.text(), calls };
}

/** Commands whose `run` throws `error`. */
function failing(error: unknown): Pick<RunCliOptions<Commands>, "commands"> {
  return {
    commands: {
      run: {
        description: "train",
        schema: tipSchema,
        run: () => {
          throw error;
        },
      },
      sample: { description: "sample", schema: sampleSchema, run: () => Promise.reject(error) },
    },
  };
}

describe("runCli: dispatch", () => {
  it("runs the default command when none is named, with defaults", async () => {
    expect(await cli([])).toEqual({ code: 0, out: "", err: "", calls: ["run random-forest 0.2 10"] });
  });

  it("passes flags to the default command without naming it", async () => {
    const result = await cli(["--model", "gbt", "--random-forest.num-trees", "5"]);
    expect(result.calls).toEqual(["run gbt 0.2 5"]);
  });

  it("runs a named command (awaiting async runs) with its own flags", async () => {
    expect(await cli(["sample", "--rows", "50"])).toMatchObject({ code: 0, calls: ["sample 50 42"] });
    expect(await cli(["run", "--test-fraction", "0.1"])).toMatchObject({
      code: 0,
      calls: ["run random-forest 0.1 10"],
    });
  });

  it("reads --config relative to cwd", async () => {
    tmp.file("sample.json", JSON.stringify({ rows: 7 }));
    expect((await cli(["sample", "--config", "sample.json", "--seed", "1"])).calls).toEqual(["sample 7 1"]);
  });

  it("types each command's config from its schema", async () => {
    await runCli([], {
      programName: "x",
      stdout: captureStream(),
      stderr: captureStream(),
      commands: {
        a: {
          description: "a",
          schema: sampleSchema,
          run: (config) => {
            expectTypeOf(config).toEqualTypeOf<{ rows: number; seed: number }>();
          },
        },
        b: {
          description: "b",
          schema: z.object({ name: z.string().default("n") }),
          run: (config) => {
            expectTypeOf(config).toEqualTypeOf<{ name: string }>();
          },
        },
      },
      defaultCommand: "a",
    });
  });
});

describe("runCli: help and version", () => {
  it("prints the program's help to stdout with exit 0, listing commands and logging flags", async () => {
    const { code, out, err, calls } = await cli(["--help"]);
    expect({ code, err, calls }).toEqual({ code: 0, err: "", calls: [] });
    expect(out).toContain("Usage: tip-model [options] [command]");
    expect(out).toContain("Predict taxi tips.");
    expect(out).toMatch(/run \[options\]\s+train and evaluate the model \(default\)/);
    expect(out).toMatch(/sample \[options\]\s+write a sample data set/);
    expect(out).toContain("Logging options:");
    expect(out).toContain("--log-level <choice>");
    expect(out).toContain("--log-format <choice>");
    expect(out).toContain("--log-file <string>");
  });

  it("prints a command's help with its flags and the global flags", async () => {
    for (const argv of [
      ["run", "--help"],
      ["help", "run"],
    ]) {
      const { code, out } = await cli(argv);
      expect(code).toBe(0);
      expect(out).toContain("Usage: tip-model run [options]");
      expect(out).toContain("--test-fraction <number>");
      expect(out).toContain("--config <file>");
      expect(out).toContain("--log-level <choice>");
    }
    expect((await cli(["sample", "-h"])).out).toContain("--rows <integer>");
  });

  it("ends the program's help with where a command's flags are, and lists a command's summary", async () => {
    const { out } = await cli(["--help"], {
      commands: {
        run: {
          description: "Train and evaluate the model.",
          summary: "train",
          schema: tipSchema,
          run: () => {},
        },
        sample: { description: "write a sample data set", schema: sampleSchema, run: () => {} },
      },
    });
    expect(out).toMatch(/run \[options\]\s+train \(default\)\n/);
    expect(out).not.toContain("--test-fraction");
    expect(out.trimEnd().endsWith("Run `tip-model <command> --help` for a command's flags.")).toBe(true);
  });

  it("ends a command's help with its examples, wrapped to helpWidth", async () => {
    const examples = [
      { command: "tip-model sample --rows 10", description: "ten rows of generated trips, ".repeat(4) },
      { command: "tip-model sample", description: "the default sample" },
    ];
    const { code, out } = await cli(["sample", "--help"], {
      helpWidth: 50,
      commands: {
        run: { description: "train", schema: tipSchema, run: () => {} },
        sample: { description: "write a sample data set", examples, schema: sampleSchema, run: () => {} },
      },
    });
    expect(code).toBe(0);
    const section = out.slice(out.indexOf("\nExamples:\n"));
    expect(section).toMatch(/^\nExamples:\n {2}tip-model sample --rows 10\n {6}ten rows of generated trips,/);
    expect(section).toContain("\n  tip-model sample\n      the default sample\n");
    expect(Math.max(...out.split("\n").map((l) => l.length))).toBeLessThanOrEqual(50);
    expect((await cli(["run", "--help"])).out).not.toContain("Examples:");
  });

  it("wraps help to the terminal's width, or 80 columns when stdout is not a terminal", async () => {
    const widest = async (stdout: { isTTY: boolean; columns?: number }): Promise<number> => {
      let text = "";
      const write = (chunk: string): boolean => {
        text += chunk;
        return true;
      };
      await cli(["run", "--help"], { stdout: { ...stdout, write } });
      return Math.max(...text.split("\n").map((l) => l.length));
    };
    expect(await widest({ isTTY: true, columns: 60 })).toBeLessThanOrEqual(60);
    expect(await widest({ isTTY: true, columns: 60 })).toBeGreaterThan(50);
    expect(await widest({ isTTY: false, columns: 60 })).toBeGreaterThan(60);
    expect(await widest({ isTTY: false, columns: 60 })).toBeLessThanOrEqual(80);
  });

  it("prints the version when one is given", async () => {
    const { code, out } = await cli(["--version"], { version: "1.2.3" });
    expect({ code, out }).toEqual({ code: 0, out: "1.2.3\n" });
  });
});

describe("runCli: --print-config", () => {
  it("prints the resolved config as JSON with exit 0, without running", async () => {
    const { code, out, err, calls } = await cli(["run", "--test-fraction", "0.3", "--print-config"]);
    expect({ code, err, calls }).toEqual({ code: 0, err: "", calls: [] });
    expect(JSON.parse(out)).toEqual(tipSchema.parse({ test_fraction: 0.3 }));
    expect(JSON.parse((await cli(["sample", "--print-config", "--rows", "7"])).out)).toEqual({
      rows: 7,
      seed: 42,
    });
  });

  it("prints what --config reads back: the same config, defaults < file < flags", async () => {
    const flags = ["--model", "gbt", "--random-forest.num-trees", "5", "--no-cache"];
    const printed = (await cli([...flags, "--print-config"])).out;
    const file = tmp.file("printed.json", printed);
    const again = await cli(["--config", file, "--print-config"]);
    expect(again).toMatchObject({ code: 0, err: "" });
    expect(JSON.parse(again.out)).toEqual(JSON.parse(printed));
    expect((await cli(["--config", file])).calls).toEqual((await cli(flags)).calls);
  });

  it("reports a bad config with exit 2 and prints nothing", async () => {
    expect(await cli(["--test-fraction", "2", "--print-config"])).toMatchObject({
      code: 2,
      out: "",
      calls: [],
    });
  });

  it("is listed in help, and --config says what the file holds", async () => {
    const { out } = await cli(["run", "--help"], { helpWidth: 200 });
    expect(out).toMatch(/--print-config +print the resolved config \(defaults < file < flags\) as JSON/);
    expect(out).toContain(
      'read settings from a JSON file: an object keyed by config name, e.g. {"test_fraction": 0.2} for --test-fraction',
    );
    expect(out).toContain("--print-config > file.json writes a starting file");
    expect(out).toContain("for --test-fraction; a group's flags are an object (precedence");
    const sample = (await cli(["sample", "--help"], { helpWidth: 200 })).out;
    expect(sample).toContain('e.g. {"rows": 1000} for --rows (precedence: defaults < file < flags;');
  });
});

describe("runCli: errors", () => {
  it("prints a config error as one line on stderr with exit 2, without running", async () => {
    expect(await cli(["--test-fraction", "1.5"])).toEqual({
      code: 2,
      out: "",
      err: "tip-model: --test-fraction: expected a number > 0 and < 1, got 1.5\n",
      calls: [],
    });
    expect((await cli(["sample", "--rows", "abc"])).err).toBe(
      'tip-model: --rows: expected an integer, got "abc"\n',
    );
    expect((await cli(["--config", "nope.json"])).err).toBe("tip-model: nope.json: config file not found\n");
  });

  it("suggests a close flag from the command's own flags", async () => {
    expect((await cli(["sample", "--rowz", "3"])).err).toBe(
      "tip-model: unknown flag --rowz (did you mean --rows?)\n",
    );
    expect((await cli(["--test-fractio", "0.3"])).err).toBe(
      "tip-model: unknown flag --test-fractio (did you mean --test-fraction?)\n",
    );
  });

  it("reports an unknown command with the closest one, or the list", async () => {
    expect(await cli(["smaple"])).toMatchObject({
      code: 2,
      err: 'tip-model: unknown command "smaple" (did you mean sample?)\n',
      calls: [],
    });
    expect((await cli(["train"])).err).toBe('tip-model: unknown command "train" (commands: run, sample)\n');
    expect((await cli(["run", "extra"])).err).toBe(
      'tip-model: unexpected argument "extra" (flags start with --)\n',
    );
  });

  it("tells that a boolean flag takes no value when a true/false word follows it, not that it is a command", async () => {
    const hint = "tip-model: --verbose takes no value: use --verbose or --no-verbose\n";
    expect(await cli(["--verbose", "yes"])).toMatchObject({ code: 2, err: hint, calls: [] });
    expect((await cli(["run", "--verbose", "TRUE"])).err).toBe(hint);
    expect((await cli(["--verbose", "--test-fraction", "0.1", "off"])).err).toBe(
      'tip-model: unknown command "off" (commands: run, sample)\n',
    );
  });

  it("reads a true/false word after a boolean flag as the command when a command has that name", async () => {
    const yes = { description: "say yes", schema: sampleSchema, run: () => {} };
    const commands = { ...failing(new Error("ran")).commands, yes } as never;
    const { code, err } = await cli(["--verbose", "yes"], { commands });
    expect(code).toBe(2);
    expect(err).toMatch(/^tip-model: unknown command "yes"/);
  });

  it("reports a missing command when there is no default", async () => {
    const { code, err } = await cli([], { defaultCommand: undefined });
    expect(code).toBe(2);
    expect(err).toContain("Usage: tip-model [options] [command]");
  });

  it("prints a user-facing runtime error as its message alone, exit 1 or its own code", async () => {
    const userError = Object.assign(new Error("missing column tip_amount\n  available: fare_amount"), {
      userFacing: true,
    });
    expect(await cli([], failing(userError))).toEqual({
      code: 1,
      out: "",
      err: "tip-model: missing column tip_amount available: fare_amount\n",
      calls: [],
    });
    const coded = Object.assign(new Error("no data"), { userFacing: true, exitCode: 3 });
    expect((await cli(["sample"], failing(coded))).code).toBe(3);
  });

  it("prints file-system errors as one line", async () => {
    const run = (): void => {
      readFileSync(join(tmp.dir, "absent.csv"));
    };
    const { code, err } = await cli([], {
      commands: {
        run: { description: "r", schema: tipSchema, run },
        sample: { description: "s", schema: sampleSchema, run },
      },
    });
    expect(code).toBe(1);
    expect(err).toMatch(/^tip-model: ENOENT: no such file or directory, open '.*absent\.csv'\n$/);
  });

  it("prints a ConfigError thrown while running with exit 2", async () => {
    const error = new ConfigError("--data-dir: no CSV files in data/", {
      kind: "invalid-value",
      flag: "--data-dir",
    });
    expect(await cli([], failing(error))).toMatchObject({
      code: 2,
      err: "tip-model: --data-dir: no CSV files in data/\n",
    });
  });

  it("prints an unexpected error with its name and a hint, no stack", async () => {
    const { code, err } = await cli(["sample"], failing(new TypeError("x is undefined")));
    expect(code).toBe(1);
    expect(err).toBe(
      "tip-model: TypeError: x is undefined (set DEBUG=1 or --log-level debug for the stack trace)\n",
    );
  });

  it("adds the stack when DEBUG is set or the log level is debug", async () => {
    const withEnv = await cli([], { ...failing(new Error("kaput")), env: { DEBUG: "1" } });
    expect(withEnv.err).toMatch(/^tip-model: Error: kaput\n\s+at /);
    const withLevel = await cli(["--log-level", "debug"], failing(new Error("kaput")));
    expect(withLevel.err).toMatch(/^tip-model: Error: kaput\n\s+at /);
    resetLogging();
    const off = await cli([], { ...failing(new Error("kaput")), env: { DEBUG: "0" } });
    expect(off.err).not.toContain("\n    at ");
  });

  it("prints thrown non-errors", async () => {
    expect((await cli([], failing("just a string"))).err).toBe("tip-model: uncaught string: just a string\n");
  });
});

describe("runCli: logging flags", () => {
  /** Commands whose run logs one info and one warning line. */
  const logging: Pick<RunCliOptions<Commands>, "commands"> = {
    commands: {
      run: {
        description: "r",
        schema: tipSchema,
        run: (config) => {
          const log = getLogger("tip-model");
          log.info("training", { model: config.model });
          log.warn("few rows", { rows: 3 });
        },
      },
      sample: { description: "s", schema: sampleSchema, run: () => {} },
    },
  };

  it("logs pretty lines to the given stderr by default", async () => {
    const { err } = await cli([], logging);
    expect(err).toMatch(/^\[\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\] INFO tip-model: training model=random-forest\n/);
    expect(err).toMatch(/WARN tip-model: few rows rows=3\n$/);
  });

  it("switches to JSON lines and a level, before or after the command name", async () => {
    for (const argv of [
      ["--log-format", "json", "--log-level", "warn"],
      ["run", "--log-format", "json", "--log-level", "warn"],
      ["--log-format", "json", "run", "--model", "gbt", "--log-level", "warn"],
    ]) {
      const lines = (await cli(argv, logging)).err.trimEnd().split("\n");
      expect(lines).toHaveLength(1);
      expect(JSON.parse(lines[0] ?? "")).toMatchObject({
        level: "warn",
        name: "tip-model",
        msg: "few rows",
        rows: 3,
      });
    }
  });

  it("appends JSON lines to --log-file", async () => {
    const file = join(tmp.dir, "logs", "run.log");
    await cli(["--log-file", file], logging);
    await cli(["--log-file", file], logging);
    const lines = readFileSync(file, "utf8").trimEnd().split("\n");
    expect(lines.map((l) => JSON.parse(l).msg)).toEqual(["training", "few rows", "training", "few rows"]);
  });

  it("asks the command about --log-file, with the resolved config, before opening it", async () => {
    const seen: string[] = [];
    const guarded: Pick<RunCliOptions<Commands>, "commands"> = {
      commands: {
        ...logging.commands,
        run: {
          ...logging.commands.run,
          checkLogFile: (file, config) => {
            seen.push(`${file} ${config.model}`);
            if (file.endsWith(".csv"))
              throw Object.assign(new Error(`--log-file ${file} is an input`), { userFacing: true });
          },
        },
      },
    };
    const refused = join(tmp.dir, "guarded", "trips.csv");
    const { code, err } = await cli(["--log-file", refused, "--model", "gbt"], guarded);
    expect(code).toBe(1);
    expect(err).toBe(`tip-model: --log-file ${refused} is an input\n`);
    expect(existsSync(join(tmp.dir, "guarded"))).toBe(false); // neither the file nor its folder was created
    const allowed = join(tmp.dir, "guarded", "run.log");
    expect((await cli(["--log-file", allowed], guarded)).code).toBe(0);
    expect(readFileSync(allowed, "utf8")).toContain('"msg":"training"');
    expect(seen).toEqual([`${refused} gbt`, `${allowed} random-forest`]);
  });

  it("reports bad logging flags as config errors", async () => {
    expect((await cli(["--log-level", "loud"])).err).toBe(
      'tip-model: --log-level: expected one of "debug", "info", "warn", "error", "silent", got "loud"\n',
    );
    const blocked = tmp.file("not-a-folder", "");
    const { code, err } = await cli(["--log-file", join(blocked, "x.log")]);
    expect(code).toBe(2);
    expect(err).toMatch(/^tip-model: --log-file: cannot open .*x\.log: /);
  });

  it("can leave the logging flags out", async () => {
    expect((await cli(["--log-level", "debug"], { loggingFlags: false })).err).toBe(
      "tip-model: unknown flag --log-level\n",
    );
  });

  it("refuses a schema key that takes a logging flag", async () => {
    const { code, err } = await cli([], {
      commands: {
        run: {
          description: "r",
          schema: z.object({ log_level: z.string().default("x") }) as never,
          run: () => {},
        },
        sample: { description: "s", schema: sampleSchema, run: () => {} },
      },
    });
    expect(code).toBe(1);
    expect(err).toContain('Config key "log_level" would take the built-in flag --log-level');
  });
});
