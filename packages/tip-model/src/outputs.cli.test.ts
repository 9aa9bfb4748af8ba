import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { LOCK_FILE, MANIFEST_FILE } from "@tablepipe/io";
import { resetLogging } from "@tablepipe/job";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runTipModelCli } from "./commands";
import { SAMPLE_FILES } from "./data/index";
import { OUTPUT_FILES } from "./job/outputs";

let root: string;
let data: string;

async function cli(
  ...argv: string[]
): Promise<{ code: number; out: string; err: string; messages: string[] }> {
  const chunks = { out: [] as string[], err: [] as string[] };
  const stream = (into: string[]) => ({ write: (c: string) => into.push(c) > 0 });
  const code = await runTipModelCli(argv, { stdout: stream(chunks.out), stderr: stream(chunks.err) });
  resetLogging();
  const err = chunks.err.join("");
  const messages = err.split("\n").filter((line) => line !== "" && !/^\[[\d-]+ [\d:]+\] [A-Z]+ /.test(line));
  return { code, out: chunks.out.join(""), err, messages };
}

async function inFolder<T>(dir: string, body: () => Promise<T>): Promise<T> {
  const before = process.cwd();
  process.chdir(dir);
  try {
    return await body();
  } finally {
    process.chdir(before);
  }
}

const ls = async (dir: string): Promise<string[]> => (await readdir(dir)).sort();
const SAMPLE_LISTING = [MANIFEST_FILE, SAMPLE_FILES.trips, SAMPLE_FILES.zones].sort();
const RUN_LISTING = [MANIFEST_FILE, ...Object.values(OUTPUT_FILES)].sort();

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "tip-model-outputs-"));
  data = join(root, "data");
  expect((await cli("sample", "--rows", "3000", "--seed", "3", "--out", data)).code).toBe(0);
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe("run refuses, before any work, an output folder that could lose files", () => {
  it.each([
    ["the current folder", "data", ".", ".", "--output-dir DATA is the current folder"],
    [
      "an empty path",
      "",
      "data",
      "",
      "--output-dir is empty: name a folder for the outputs, e.g. --output-dir out",
    ],
    ["the data folder", "", "data", "data", "--output-dir DATA holds the input data"],
    ["a folder above the data", "data", ".", "..", "--output-dir ROOT holds the input ."],
  ])("%s", async (_, cwd, dataDir, outputDir, message) => {
    const run = await inFolder(join(root, cwd), () => cli("--data-dir", dataDir, "--output-dir", outputDir));
    expect(run.code).toBe(1);
    expect(run.out).toBe("");
    expect(run.messages).toHaveLength(1);
    expect(run.messages[0]).toContain(
      `tip-model: ${message.replaceAll("DATA", data).replaceAll("ROOT", root)}`,
    );
    expect(run.err).not.toContain("extract: started");
    expect(await ls(data)).toEqual(SAMPLE_LISTING);
  });

  it("a folder holding the user's files: refused, then --overwrite writes beside them; a rerun needs it again", async () => {
    const out = join(root, "with-notes");
    await mkdir(join(out, "sub"), { recursive: true });
    await writeFile(join(out, "notes.txt"), "mine");
    const refused = await cli("--data-dir", data, "--output-dir", out, "--log-level", "warn");
    expect(refused.code).toBe(1);
    expect(refused.messages).toEqual([
      `tip-model: cannot write --output-dir ${out}: ${out} holds files tablepipe did not write (notes.txt, sub/); choose a new or empty folder, or pass --overwrite to write tablepipe's files beside them (they are never deleted; same-named files are replaced)`,
    ]);
    expect(await ls(out)).toEqual(["notes.txt", "sub"]);
    const allowed = await cli("--data-dir", data, "--output-dir", out, "--overwrite", "--log-level", "warn");
    expect(allowed.code).toBe(0);
    expect(await ls(out)).toEqual([...RUN_LISTING, "notes.txt", "sub"].sort());
    expect(await readFile(join(out, "notes.txt"), "utf8")).toBe("mine");
  });

  it("a second run replaces only its own files; leftovers of a killed run are swept and logged", async () => {
    const out = join(root, "rerun");
    expect((await cli("--data-dir", data, "--output-dir", out, "--log-level", "warn")).code).toBe(0);
    await writeFile(join(out, ".model.json.tmp-0123456789ab"), "half");
    await writeFile(join(out, LOCK_FILE), "999999999\n"); // its holder is dead
    const again = await cli("--data-dir", data, "--output-dir", out, "--model", "linear");
    expect(again.code).toBe(0);
    expect(again.err).toContain(
      `INFO tip-model: removed 1 temporary file(s) an interrupted run left in ${out}`,
    );
    expect(await ls(out)).toEqual(RUN_LISTING);
    expect(JSON.parse(await readFile(join(out, OUTPUT_FILES.model), "utf8")).model).toBe("linearRegression");
  });

  it("a second run refuses, before any work, an output the user edited since, and keeps it byte for byte", async () => {
    const out = join(root, "edited");
    expect((await cli("--data-dir", data, "--output-dir", out, "--log-level", "warn")).code).toBe(0);
    const predictions = join(out, OUTPUT_FILES.predictions);
    const mine = `${await readFile(predictions, "utf8")}# checked by hand\n`;
    await writeFile(predictions, mine);
    const model = await readFile(join(out, OUTPUT_FILES.model));
    const refused = await cli("--data-dir", data, "--output-dir", out, "--model", "linear");
    expect(refused.code).toBe(1);
    expect(refused.messages).toHaveLength(1);
    expect(refused.messages[0]).toMatch(
      new RegExp(
        `^tip-model: cannot write predictions\\.csv in --output-dir ${out}: it changed since tablepipe wrote it \\(now ${Buffer.byteLength(mine)} bytes, modified .*\\), so it may be yours now: move it away or delete it yourself, or pass --overwrite to replace it$`,
      ),
    );
    expect(refused.err).not.toContain("extract: started");
    expect(await readFile(predictions, "utf8")).toBe(mine);
    expect(await readFile(join(out, OUTPUT_FILES.model))).toEqual(model);
    await rm(predictions); // what the message says to do
    expect((await cli("--data-dir", data, "--output-dir", out, "--log-level", "warn")).code).toBe(0);
    expect(await ls(out)).toEqual(RUN_LISTING);
  });

  it("a run holding the lock makes a second one fail by name", async () => {
    const out = join(root, "locked");
    await mkdir(out);
    await writeFile(join(out, LOCK_FILE), `${process.ppid}\n`);
    const second = await cli("--data-dir", data, "--output-dir", out);
    expect(second.code).toBe(1);
    expect(second.messages).toEqual([
      `tip-model: output folder ${out} is in use by another tablepipe run (pid ${process.ppid}; lock file ${join(out, LOCK_FILE)}): wait for it to end, or delete the lock file if that process is not tablepipe`,
    ]);
    expect(await ls(out)).toEqual([LOCK_FILE]);
  });
});

describe("--log-file is refused, before anything is written, where appending could harm a file", () => {
  it("run: an input file, with --data-dir or --trips, is named and left byte for byte as it was", async () => {
    const trips = join(data, SAMPLE_FILES.trips);
    const zones = join(data, SAMPLE_FILES.zones);
    const before = { trips: await readFile(trips), zones: await readFile(zones) };
    const out = join(root, "log-into-input");
    const viaDir = await cli("--data-dir", data, "--log-file", trips, "--output-dir", out);
    expect(viaDir.code).toBe(1);
    expect(viaDir.messages).toEqual([
      `tip-model: --log-file ${trips} is the input ${trips}: appending to it would corrupt your data; choose another path`,
    ]);
    expect(viaDir.err).not.toContain("extract: started");
    const viaFiles = await cli("--trips", trips, "--zones", zones, "--log-file", zones, "--output-dir", out);
    expect(viaFiles.messages).toEqual([
      `tip-model: --log-file ${zones} is the input ${zones}: appending to it would corrupt your data; choose another path`,
    ]);
    expect(await readFile(trips)).toEqual(before.trips);
    expect(await readFile(zones)).toEqual(before.zones);
    expect(await ls(data)).toEqual(SAMPLE_LISTING);
    expect(existsSync(out)).toBe(false);
  });

  it("run: a new file inside the input folder or the output folder; prepare: its --out; sample: inside its --out", async () => {
    const out = join(root, "log-outputs");
    const cases: [string[], string][] = [
      [
        ["--data-dir", data, "--log-file", join(data, "run.log"), "--output-dir", out],
        `--log-file ${join(data, "run.log")} is inside the input folder ${data}: tablepipe writes nothing among your inputs; choose another path`,
      ],
      [
        ["--data-dir", data, "--log-file", join(out, "run.log"), "--output-dir", out],
        `--log-file ${join(out, "run.log")} is inside the output folder --output-dir ${out}, which holds only the files tablepipe writes there; choose a path outside it`,
      ],
      [
        ["prepare", "--data-dir", data, "--log-file", join(root, "p.csv"), "--out", join(root, "p.csv")],
        `--log-file ${join(root, "p.csv")} is the output --out ${join(root, "p.csv")}, which the run writes; choose another path`,
      ],
      [
        ["sample", "--rows", "10", "--log-file", join(out, "s.log"), "--out", out],
        `--log-file ${join(out, "s.log")} is inside the output folder --out ${out}, which holds only the files tablepipe writes there; choose a path outside it`,
      ],
    ];
    for (const [argv, message] of cases) {
      const refused = await cli(...argv);
      expect(refused.code).toBe(1);
      expect(refused.messages).toEqual([`tip-model: ${message}`]);
    }
    expect(await ls(data)).toEqual(SAMPLE_LISTING);
    expect(existsSync(out)).toBe(false);
    expect(existsSync(join(root, "p.csv"))).toBe(false);
  });

  it("a log file elsewhere is appended to, run after run", async () => {
    const log = join(root, "logs", "runs.log");
    const out = join(root, "logged");
    for (let run = 0; run < 2; run++) {
      expect((await cli("--data-dir", data, "--log-file", log, "--output-dir", out)).code).toBe(0);
    }
    const messages = (await readFile(log, "utf8"))
      .trimEnd()
      .split("\n")
      .map((line) => JSON.parse(line).msg);
    expect(messages.filter((msg) => msg === "extract: started")).toHaveLength(2);
    expect(messages.filter((msg) => String(msg).startsWith("load: done"))).toHaveLength(2);
    expect(await ls(out)).toEqual(RUN_LISTING);
  });
});

describe("prepare and sample check their output path before the work", () => {
  it("prepare --out: an input, a wrong extension, a foreign file", async () => {
    const input = await cli("prepare", "--data-dir", data, "--out", join(data, SAMPLE_FILES.trips));
    expect(input.code).toBe(1);
    expect(input.messages).toEqual([
      `tip-model: --out ${join(data, SAMPLE_FILES.trips)} is the input ${join(data, SAMPLE_FILES.trips)}: writing there could replace your data; choose another path`,
    ]);
    const inside = await cli("prepare", "--data-dir", data, "--out", join(data, "prepared.csv"));
    expect(inside.messages[0]).toContain(`is inside the input folder ${data}`);
    const txt = await cli("prepare", "--data-dir", data, "--out", join(root, "x.txt"));
    expect(txt.messages).toEqual([
      `tip-model: --out ${join(root, "x.txt")}: expected a file name ending in .csv or .parquet (the format is chosen by the extension)`,
    ]);
    const mine = join(root, "mine.csv");
    await writeFile(mine, "my,own\n");
    const foreign = await cli("prepare", "--data-dir", data, "--out", mine);
    expect(foreign.code).toBe(1);
    expect(foreign.messages).toEqual([
      `tip-model: cannot write --out ${mine}: it exists and tablepipe did not write it; choose another path, or pass --overwrite to replace it`,
    ]);
    expect(foreign.err).not.toContain("extract: started");
    expect(await readFile(mine, "utf8")).toBe("my,own\n");
    expect(await ls(data)).toEqual(SAMPLE_LISTING);
  });

  it("prepare twice to the same file replaces its own file and leaves the folder's other files", async () => {
    const dir = join(root, "prepared");
    await mkdir(dir);
    await writeFile(join(dir, "notes.txt"), "mine");
    const out = join(dir, "p.csv");
    expect((await cli("prepare", "--data-dir", data, "--out", out, "--log-level", "warn")).code).toBe(0);
    const again = await cli("prepare", "--data-dir", data, "--out", out, "--log-level", "warn");
    expect(again.code).toBe(0);
    expect(again.out).toMatch(/^prepared: .*p\.csv \(\d+ rows\)\n$/);
    expect(await ls(dir)).toEqual([MANIFEST_FILE, "notes.txt", "p.csv"]);
  });

  it("sample --out: a file in the way and a folder of the user's, named before writing", async () => {
    const file = join(root, "a-file");
    await writeFile(file, "x");
    const blocked = await cli("sample", "--rows", "10", "--out", join(file, "s"));
    expect(blocked.code).toBe(1);
    expect(blocked.messages).toEqual([
      `tip-model: cannot write --out ${join(file, "s")}: ${file} is not a folder`,
    ]);
    const users = join(root, "users");
    await mkdir(users);
    await writeFile(join(users, "notes.txt"), "mine");
    const refused = await cli("sample", "--rows", "10", "--out", users);
    expect(refused.messages[0]).toContain(`${users} holds files tablepipe did not write (notes.txt)`);
    expect(await ls(users)).toEqual(["notes.txt"]);
  });
});
