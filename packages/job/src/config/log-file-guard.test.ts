import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { MANIFEST_FILE } from "@tablepipe/core/internal";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import * as z from "zod";
import { getLogger, resetLogging } from "../log/logger";
import { runCli } from "./run-cli";
import { captureStream, tempFolder } from "./test-support";

const tmp = tempFolder();
afterAll(() => tmp.remove());
afterEach(() => resetLogging());

/** Why a file that is not a tablepipe log is refused. */
const MESSAGE =
  'holds data that is not a tablepipe log (its first line is not a log record {"level":…,"time":…,"msg":…}): appending log lines to it would corrupt it; a log file is new, empty, or one an earlier run wrote; choose another path';

const schema = z.object({ rows: z.int().default(3).describe("rows") });

/** Run a one-command CLI that logs one line; `checkLogFile` is the command's own check, if any. */
async function cli(
  argv: string[],
  checkLogFile?: (file: string) => void,
): Promise<{ code: number; err: string; ran: boolean }> {
  const stderr = captureStream();
  let ran = false;
  const code = await runCli(argv, {
    programName: "sales",
    defaultCommand: "run",
    env: {},
    cwd: tmp.dir,
    stdout: captureStream(),
    stderr,
    commands: {
      run: {
        description: "run",
        schema,
        ...(checkLogFile === undefined ? {} : { checkLogFile }),
        run: () => {
          ran = true;
          getLogger("sales").info("done");
        },
      },
    },
  });
  return { code, err: stderr.text(), ran };
}

/** A folder holding `sales.csv` and `events.jsonl`, both recorded in its manifest as tablepipe's outputs. */
function outputFolder(name: string, version: 1 | 2): string {
  const dir = join(tmp.dir, name);
  mkdirSync(dir);
  const files = ["sales.csv", "events.jsonl"];
  const fingerprints = [{ size: 1, mtimeMs: 1, ino: 1 }];
  const manifest =
    version === 1
      ? { tablepipe: 1, files }
      : { tablepipe: 2, files: files.map((file) => ({ name: file, fingerprints })) };
  writeFileSync(join(dir, MANIFEST_FILE), JSON.stringify(manifest));
  writeFileSync(join(dir, "sales.csv"), "id,amount\n1,2\n");
  writeFileSync(join(dir, "events.jsonl"), '{"id":1}\n');
  return dir;
}

describe("runCli: --log-file is refused where appending would corrupt data", () => {
  it("refuses the --config file, also through a link, before running", async () => {
    const config = tmp.file("sales.json", '{"rows": 5}');
    const { code, err, ran } = await cli(["--config", "sales.json", "--log-file", config]);
    expect(code).toBe(2);
    expect(err).toBe(
      `sales: --log-file ${config} is the --config file: appending log lines to it would corrupt it; choose another path\n`,
    );
    expect(ran).toBe(false);
    expect(readFileSync(config, "utf8")).toBe('{"rows": 5}');
    const link = join(tmp.dir, "link.json");
    symlinkSync(config, link);
    expect((await cli(["--config", config, "--log-file", link])).err).toContain("is the --config file");
  });

  it("refuses a file its folder's manifest records as an output (manifest versions 1 and 2)", async () => {
    for (const version of [1, 2] as const) {
      const dir = outputFolder(`out${version}`, version);
      for (const name of ["sales.csv", "events.jsonl"]) {
        const file = join(dir, name);
        const before = readFileSync(file, "utf8");
        const { code, err, ran } = await cli(["--log-file", file]);
        expect(code).toBe(2);
        expect(err).toBe(
          `sales: --log-file ${file} is an output tablepipe wrote (recorded in ${join(dir, MANIFEST_FILE)}): appending log lines to it would corrupt it; choose another path\n`,
        );
        expect(ran).toBe(false);
        expect(readFileSync(file, "utf8")).toBe(before);
      }
      expect((await cli(["--log-file", join(dir, "run.log")])).code).toBe(0);
    }
  });

  it("refuses an existing file that is not JSON lines: data, or a text log", async () => {
    for (const [name, text] of [
      ["orders.csv", "id,status\n1,paid\n"],
      ["notes.log", "started at 9\n"],
      ["list.json", '[{"id":1}]\n'],
      ["pretty.json", '{\n  "rows": 1\n}\n'],
    ] as const) {
      const file = tmp.file(name, text);
      const { code, err } = await cli(["--log-file", file]);
      expect(code).toBe(2);
      expect(err).toBe(
        `sales: --log-file ${file} holds data that is not a tablepipe log (its first line is not a log record {"level":…,"time":…,"msg":…}): appending log lines to it would corrupt it; a log file is new, empty, or one an earlier run wrote; choose another path\n`,
      );
      expect(readFileSync(file, "utf8")).toBe(text);
    }
  });

  it("refuses a one-line JSON config or JSON-lines data, whose first line is a JSON object but no log record", async () => {
    const long = `{"id":1,"notes":"${"x".repeat(70 * 1024)}"}`;
    for (const [name, text] of [
      ["settings.json", '{"hot_above": 25, "top_n": 2}\n'],
      ["one-line.json", '{"rows": 5}'],
      ["readings.jsonl", '{"device_id":"d1","value":1.5}\n{"device_id":"d2","value":2}\n'],
      ["almost.jsonl", '{"level":"info","time":"09:00","msg":"not ours"}\n'],
      ["other-logger.jsonl", '{"level":30,"time":1712345678901,"msg":"pino numbers"}\n'],
      ["long.jsonl", `${long}\n`],
    ] as const) {
      const file = tmp.file(name, text);
      const { code, err, ran } = await cli(["--log-file", file]);
      expect(code).toBe(2);
      expect(err).toBe(`sales: --log-file ${file} ${MESSAGE}\n`);
      expect(ran).toBe(false);
      expect(readFileSync(file, "utf8")).toBe(text);
    }
  });

  it("appends to a log whose first record is longer than what is read of it", async () => {
    const record = `{"level":"info","time":1712345678901,"name":"sales","msg":"${"x".repeat(70 * 1024)}"}\n`;
    const file = tmp.file("long-record.log", record);
    expect((await cli(["--log-file", file])).code).toBe(0);
    const lines = readFileSync(file, "utf8").trimEnd().split("\n");
    expect(lines.map((line) => JSON.parse(line).msg.length)).toEqual([70 * 1024, 4]);
  });

  it("appends to a new file, an empty one, and a log an earlier run wrote, whatever its extension", async () => {
    for (const name of ["new/run.log", "empty.jsonl", "runs.txt"]) {
      const file = name === "new/run.log" ? join(tmp.dir, name) : tmp.file(name, "");
      expect((await cli(["--log-file", file])).code).toBe(0);
      expect((await cli(["--log-file", file])).code).toBe(0);
      const lines = readFileSync(file, "utf8").trimEnd().split("\n");
      expect(lines.map((line) => JSON.parse(line).msg)).toEqual(["done", "done"]);
    }
  });

  it("runs the command's own check first, then its own", async () => {
    const seen: string[] = [];
    const csv = tmp.file("trips.csv", "a\n1\n");
    const refuseCsv = (file: string) => {
      seen.push(file);
      if (file.endsWith("trips.csv")) {
        throw Object.assign(new Error(`--log-file ${file} is the input --trips`), { userFacing: true });
      }
    };
    expect(await cli(["--log-file", csv], refuseCsv)).toMatchObject({
      code: 1,
      err: `sales: --log-file ${csv} is the input --trips\n`,
    });
    const data = tmp.file("other.csv", "a\n1\n");
    expect((await cli(["--log-file", data], refuseCsv)).err).toContain(
      "holds data that is not a tablepipe log",
    );
    expect(seen).toEqual([csv, data]);
  });
});
