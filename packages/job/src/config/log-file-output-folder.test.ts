import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { checkOutputFolder, writeOutputFolder } from "@tablepipe/io";
import * as aq from "arquero";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import * as z from "zod";
import { getLogger, resetLogging } from "../log/logger";
import { runCli } from "./run-cli";
import { captureStream, tempFolder } from "./test-support";

const tmp = tempFolder();
afterAll(() => tmp.remove());
afterEach(() => resetLogging());

const schema = z.object({ output_dir: z.string().describe("folder the outputs go to") });

/** A job's CLI whose run checks its output folder (logging first when `logFirst`), then writes one table there. */
async function job(argv: string[], logFirst = false): Promise<{ code: number; err: string }> {
  const stderr = captureStream();
  const code = await runCli(argv, {
    programName: "retail",
    defaultCommand: "run",
    env: {},
    cwd: tmp.dir,
    stdout: captureStream(),
    stderr,
    commands: {
      run: {
        description: "run",
        schema,
        run: async ({ output_dir }) => {
          const options = { label: "--output-dir", overwriteLabel: "--overwrite" };
          if (logFirst) getLogger("retail").info("extract: start");
          await checkOutputFolder(output_dir, options);
          getLogger("retail").info("load: start");
          await writeOutputFolder(
            output_dir,
            (out) => out.writeTable("summary.csv", aq.table({ n: [1] })),
            options,
          );
        },
      },
    },
  });
  return { code, err: stderr.text() };
}

describe("runCli: a --log-file inside the output folder the run checks", () => {
  it("is refused by the output folder check, naming both flags, and the refused run leaves nothing behind", async () => {
    const out = join(tmp.dir, "o7");
    const log = join(out, "run.log");
    for (let attempt = 0; attempt < 2; attempt++) {
      const { code, err } = await job(["--log-file", log, "--output-dir", out]);
      expect(code).toBe(1);
      expect(err).toContain(
        `retail: --log-file ${log} is inside the output folder --output-dir ${out}, which holds only the files tablepipe writes there; choose a path outside it\n`,
      );
      expect(existsSync(out)).toBe(false);
    }
    const { code } = await job(["--log-file", join(tmp.dir, "logs", "run.log"), "--output-dir", out]);
    expect(code).toBe(0);
    expect(readdirSync(out).sort()).toEqual([".tablepipe-manifest.json", "summary.csv"]);
  });

  it("keeps a log the run wrote to, with the error as its last line, and a folder or file that existed before", async () => {
    const out = join(tmp.dir, "o8");
    const log = join(out, "run.log");
    const { code, err } = await job(["--log-file", log, "--output-dir", out], true);
    expect(code).toBe(1);
    const lines = readFileSync(log, "utf8")
      .trimEnd()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(lines.map((line) => [line.level, line.msg])).toEqual([
      ["info", "extract: start"],
      ["error", err.trimEnd().split("\n").at(-1)?.slice("retail: ".length)],
    ]);
    const kept = join(tmp.dir, "o9");
    mkdirSync(kept);
    writeFileSync(join(kept, "run.log"), "");
    expect((await job(["--log-file", join(kept, "run.log"), "--output-dir", kept])).code).toBe(1);
    expect(readdirSync(kept)).toEqual(["run.log"]);
  });
});
