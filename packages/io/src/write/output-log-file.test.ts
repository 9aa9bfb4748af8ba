import { mkdirSync, readdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { setOpenLogFile } from "@tablepipe/core/internal";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { tempFolder } from "../test-support";
import { checkOutputFolder } from "./output-check";
import { writeOutputFolder } from "./output-folder";

const tmp = tempFolder();
afterAll(() => tmp.remove());
afterEach(() => setOpenLogFile(undefined));

describe("output folders and the log file this process appends to", () => {
  it("refuses a folder of tablepipe's own that holds the log file, also through a link, and writes nothing", async () => {
    const out = join(tmp.dir, "o7");
    mkdirSync(out);
    const log = join(out, "logs", "run.log");
    mkdirSync(join(out, "logs"));
    writeFileSync(log, "");
    setOpenLogFile({ path: log, label: "--log-file" });
    const refusal = `--log-file ${log} is inside the output folder --output-dir ${out}, which holds only the files tablepipe writes there; choose a path outside it`;
    await expect(checkOutputFolder(out, { label: "--output-dir", overwrite: true })).rejects.toThrow(refusal);
    const link = join(tmp.dir, "o7-link");
    symlinkSync(out, link);
    await expect(checkOutputFolder(link, { label: "--output-dir" })).rejects.toThrow(
      "is inside the output folder",
    );
    await expect(writeOutputFolder(out, (o) => o.write("a.txt", async () => {}))).rejects.toThrow(
      `--log-file ${log} is inside the output folder ${out}, which`,
    );
    expect(readdirSync(out)).toEqual(["logs"]);
  });

  it("in a shared folder refuses only an output file that is the log file", async () => {
    const dir = join(tmp.dir, "shared");
    mkdirSync(dir);
    const log = join(dir, "run.log");
    writeFileSync(log, "");
    setOpenLogFile({ path: log, label: "log file" });
    await expect(
      checkOutputFolder(dir, { label: "--out", shared: true, files: ["sales.csv"] }),
    ).resolves.toBe(undefined);
    await expect(
      checkOutputFolder(dir, { label: "--out", shared: true, files: ["run.log"], overwrite: true }),
    ).rejects.toThrow(
      `cannot write --out ${join(dir, "run.log")}: it is the log file this run appends to; choose another path`,
    );
  });

  it("checks nothing more when no log file is open", async () => {
    const out = join(tmp.dir, "plain");
    await expect(checkOutputFolder(out)).resolves.toBe(undefined);
  });
});
