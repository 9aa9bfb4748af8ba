import {
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { OutputPathError } from "../errors";
import { tempFolder } from "../test-support";
import { checkOutputFolder } from "./output-check";
import { type OutputStep, openOutputFolder, writeOutputFolder } from "./output-folder";
import { MANIFEST_FILE } from "./output-manifest";

const tmp = tempFolder();
afterAll(() => tmp.remove());

let count = 0;
const fresh = (): string => join(tmp.dir, `case-${++count}`);
const ls = (dir: string): string[] => readdirSync(dir).sort();
const bytes = (path: string): Buffer => readFileSync(path);
const manifestText = (dir: string): string => readFileSync(join(dir, MANIFEST_FILE), "utf8");
const fingerprint = (path: string) => {
  const { size, mtimeMs, ino } = statSync(path);
  return { size, mtimeMs, ino };
};
/** The manifest's entry for `name`. */
const entry = (dir: string, name: string): unknown =>
  (JSON.parse(manifestText(dir)) as { files: { name: string }[] }).files.find((f) => f.name === name);
const text = (content: string) => async (path: string) => writeFileSync(path, content);

/** A folder where tablepipe wrote model.json and predictions.csv. */
async function written(): Promise<string> {
  const dir = fresh();
  await writeOutputFolder(dir, async (out) => {
    await out.write("model.json", text('{"model":1}\n'));
    await out.write("predictions.csv", text("id,prediction\n1,2.5\n"));
  });
  return dir;
}

/** A second run writing both files again; resolves to whether its body ran. */
async function rerun(dir: string, options: { overwrite?: boolean } = {}): Promise<boolean> {
  let ran = false;
  await writeOutputFolder(
    dir,
    async (out) => {
      ran = true;
      await out.write("model.json", text('{"model":2}\n'));
      await out.write("predictions.csv", text("id,prediction\n1,9.75\n"));
    },
    { label: "--output-dir", overwriteLabel: "--overwrite", ...options },
  );
  return ran;
}

describe("files tablepipe wrote and the user changed since", () => {
  it("a file the user rewrote under an owned name is refused before any work and left byte for byte", async () => {
    const dir = await written();
    const model = bytes(join(dir, "model.json"));
    const manifest = manifestText(dir);
    const mine = Buffer.from("id,prediction,my_note\n1,2.5,checked by hand\n");
    writeFileSync(join(dir, "predictions.csv"), mine);
    let ran = false;
    const attempt = writeOutputFolder(dir, async () => {
      ran = true;
    });
    await expect(attempt).rejects.toThrow(OutputPathError);
    expect(ran).toBe(false);
    await expect(rerun(dir)).rejects.toThrow(
      new RegExp(
        `^cannot write predictions\\.csv in --output-dir ${dir}: it changed since tablepipe wrote it \\(now ${mine.length} bytes, modified \\S+; tablepipe wrote 20 bytes, modified \\S+\\), so it may be yours now: move it away or delete it yourself, or pass --overwrite to replace it$`,
      ),
    );
    expect(bytes(join(dir, "predictions.csv"))).toEqual(mine);
    expect(bytes(join(dir, "model.json"))).toEqual(model); // nothing written, not even the unchanged file
    expect(manifestText(dir)).toBe(manifest);
    expect(ls(dir)).toEqual([MANIFEST_FILE, "model.json", "predictions.csv"]);
  });

  it("a file of the same size but other content, with another time, is refused", async () => {
    const dir = await written();
    const path = join(dir, "model.json");
    const before = statSync(path);
    writeFileSync(path, '{"mine!":0}\n'); // 12 bytes, like tablepipe's
    utimesSync(path, before.atime, new Date(before.mtimeMs + 5000)); // a later edit, whatever the clock's grain
    expect(statSync(path).size).toBe(before.size);
    await expect(rerun(dir)).rejects.toThrow(
      /model\.json in .+: it changed since tablepipe wrote it \(now 12 bytes, modified \S+; tablepipe wrote 12 bytes, modified/,
    );
    expect(readFileSync(path, "utf8")).toBe('{"mine!":0}\n');
  });

  it("a file of the recorded size and time but another inode is refused (a file put in its place)", async () => {
    const dir = await written();
    const path = join(dir, "model.json");
    // what a file moved over it with its time copied looks like (a test cannot set a time to the nanosecond)
    const { size, mtimeMs, ino } = statSync(path);
    const manifest = JSON.parse(manifestText(dir)) as { files: { name: string; fingerprints: unknown[] }[] };
    for (const f of manifest.files)
      if (f.name === "model.json") f.fingerprints = [{ size, mtimeMs, ino: ino + 1 }];
    writeFileSync(join(dir, MANIFEST_FILE), JSON.stringify(manifest));
    await expect(rerun(dir)).rejects.toThrow(
      `cannot write model.json in --output-dir ${dir}: it changed since tablepipe wrote it (another file of the same size and time is in its place: inode ${ino}, tablepipe wrote inode ${ino + 1} (a folder copied or restored from a backup looks so too))`,
    );
    expect(readFileSync(path, "utf8")).toBe('{"model":1}\n');
  });

  it("names every changed file and says what to do with them", async () => {
    const dir = await written();
    writeFileSync(join(dir, "model.json"), "mine");
    writeFileSync(join(dir, "predictions.csv"), "mine too");
    await expect(rerun(dir)).rejects.toThrow(
      /^cannot write model\.json in --output-dir \S+: it changed since tablepipe wrote it \([^)]*\); so did predictions\.csv, so they may be yours now: move them away or delete them yourself, or pass --overwrite to replace them$/,
    );
  });

  it("an untouched file is replaced, and the manifest records the new file", async () => {
    const dir = await written();
    expect(entry(dir, "model.json")).toEqual({
      name: "model.json",
      fingerprints: [fingerprint(join(dir, "model.json"))],
    });
    expect(await rerun(dir)).toBe(true);
    expect(readFileSync(join(dir, "model.json"), "utf8")).toBe('{"model":2}\n');
    expect(entry(dir, "model.json")).toEqual({
      name: "model.json",
      fingerprints: [fingerprint(join(dir, "model.json"))],
    });
    expect(ls(dir)).toEqual([MANIFEST_FILE, "model.json", "predictions.csv"]);
  });

  it("a file moved away or deleted by the user is simply written again", async () => {
    const dir = await written();
    renameSync(join(dir, "predictions.csv"), join(dir, "..", `kept-${count}.csv`));
    expect(await rerun(dir)).toBe(true);
    expect(readFileSync(join(dir, "predictions.csv"), "utf8")).toBe("id,prediction\n1,9.75\n");
  });

  it("with overwrite a changed file is replaced, as any file of an output's name is", async () => {
    const dir = await written();
    writeFileSync(join(dir, "predictions.csv"), "mine");
    expect(await rerun(dir, { overwrite: true })).toBe(true);
    expect(readFileSync(join(dir, "predictions.csv"), "utf8")).toBe("id,prediction\n1,9.75\n");
    expect(await rerun(dir)).toBe(true); // recorded again: the next run needs no overwrite
  });

  it("a file changed while the folder is open is refused at its write; the others are written", async () => {
    const dir = await written();
    const out = await openOutputFolder(dir, { label: "--output-dir", overwriteLabel: "--overwrite" });
    try {
      await out.write("model.json", text('{"model":2}\n'));
      writeFileSync(join(dir, "predictions.csv"), "edited during the run");
      await expect(out.write("predictions.csv", text("new"))).rejects.toThrow(
        /predictions\.csv in .+: it changed since tablepipe wrote it/,
      );
      writeFileSync(join(dir, "notes.csv"), "mine");
      await expect(out.write("notes.csv", text("new"))).rejects.toThrow(
        `cannot write notes.csv in --output-dir ${dir}: it appeared after the folder was checked and tablepipe did not write it; move it away or delete it yourself, or pass --overwrite to replace it`,
      );
    } finally {
      await out.close();
    }
    expect(readFileSync(join(dir, "predictions.csv"), "utf8")).toBe("edited during the run");
    expect(readFileSync(join(dir, "notes.csv"), "utf8")).toBe("mine");
    expect(readFileSync(join(dir, "model.json"), "utf8")).toBe('{"model":2}\n');
    expect(ls(dir)).toEqual([MANIFEST_FILE, "model.json", "notes.csv", "predictions.csv"]);
  });

  it("a changed file that this run does not write is left alone and does not stop it", async () => {
    const dir = await written();
    writeFileSync(join(dir, "predictions.csv"), "mine");
    const files = ["model.json"];
    await expect(checkOutputFolder(dir, { files })).resolves.toBeUndefined();
    await writeOutputFolder(dir, async (out) => out.write("model.json", text("2")), { files });
    expect(readFileSync(join(dir, "predictions.csv"), "utf8")).toBe("mine");
    await expect(checkOutputFolder(dir)).rejects.toThrow(
      /predictions\.csv in .+: it changed since tablepipe wrote it/,
    );
  });

  it("in a shared folder (one named file) a changed file is refused", async () => {
    const dir = fresh();
    const options = { shared: true, files: ["p.csv"], label: "--out", overwriteLabel: "--overwrite" };
    await writeOutputFolder(dir, async (out) => out.write("p.csv", text("a\n1\n")), options);
    writeFileSync(join(dir, "p.csv"), "a\n1\n2\n");
    await expect(checkOutputFolder(dir, options)).rejects.toThrow(
      new RegExp(`^cannot write --out ${dir}/p\\.csv: it changed since tablepipe wrote it \\(now 6 bytes`),
    );
  });
});

describe("a run stopped while it replaces a file", () => {
  it.each<OutputStep>(["rename", "record"])(
    "stopped before the %s step: the file is the previous one or the new one, and the next run still owns it",
    async (failing) => {
      const dir = await written();
      const stop = new Error(`stopped before ${failing}`);
      await expect(
        writeOutputFolder(dir, async (out) => out.write("model.json", text('{"model":22}\n')), {
          beforeStep: (step) => {
            if (step === failing) throw stop;
          },
        }),
      ).rejects.toBe(stop);
      const now = fingerprint(join(dir, "model.json"));
      const recorded = entry(dir, "model.json") as { fingerprints: unknown[] };
      expect(recorded.fingerprints).toHaveLength(2);
      expect(recorded.fingerprints).toContainEqual(now);
      expect(readFileSync(join(dir, "model.json"), "utf8")).toBe(
        failing === "rename" ? '{"model":1}\n' : '{"model":22}\n',
      );
      expect(await rerun(dir)).toBe(true);
      expect(entry(dir, "model.json")).toEqual({
        name: "model.json",
        fingerprints: [fingerprint(join(dir, "model.json"))],
      });
    },
  );
});

describe("the manifest writes a file costs", () => {
  /** The steps writing `model.json` into `dir` goes through. */
  async function stepsOf(dir: string): Promise<OutputStep[]> {
    const steps: OutputStep[] = [];
    await writeOutputFolder(dir, async (out) => out.write("model.json", text('{"model":3}\n')), {
      beforeStep: (step) => void steps.push(step),
    });
    return steps;
  }

  it("a new file is recorded once, before its rename (the rename keeps what the record says)", async () => {
    const dir = fresh();
    expect(await stepsOf(dir)).toEqual(["write", "sync", "manifest", "rename"]);
    expect(entry(dir, "model.json")).toEqual({
      name: "model.json",
      fingerprints: [fingerprint(join(dir, "model.json"))],
    });
  });

  it("a replaced file is recorded beside the previous one, then alone", async () => {
    const dir = await written();
    expect(await stepsOf(dir)).toEqual(["write", "sync", "manifest", "rename", "record"]);
    expect(entry(dir, "model.json")).toEqual({
      name: "model.json",
      fingerprints: [fingerprint(join(dir, "model.json"))],
    });
  });
});

describe("manifests of other versions", () => {
  it("a version-1 manifest's files are owned by name: replaced, then recorded with a fingerprint", async () => {
    const dir = fresh();
    mkdirSync(dir);
    writeFileSync(
      join(dir, MANIFEST_FILE),
      `${JSON.stringify({ tablepipe: 1, files: ["model.json", "gone.csv"] })}\n`,
    );
    writeFileSync(join(dir, "model.json"), "edited or not: version 1 could not tell");
    expect(await rerun(dir)).toBe(true);
    expect(readFileSync(join(dir, "model.json"), "utf8")).toBe('{"model":2}\n');
    expect(JSON.parse(manifestText(dir))).toEqual({
      tablepipe: 2,
      files: [
        { name: "gone.csv" }, // still owned by name, as version 1 recorded it
        { name: "model.json", fingerprints: [fingerprint(join(dir, "model.json"))] },
        { name: "predictions.csv", fingerprints: [fingerprint(join(dir, "predictions.csv"))] },
      ],
    });
    writeFileSync(join(dir, "model.json"), "mine now");
    await expect(rerun(dir)).rejects.toThrow(/model\.json in .+: it changed since tablepipe wrote it/);
  });

  it("a manifest of a newer version is refused, saying to upgrade", async () => {
    const dir = fresh();
    mkdirSync(dir);
    writeFileSync(join(dir, MANIFEST_FILE), '{"tablepipe":3,"files":{}}\n');
    await expect(checkOutputFolder(dir)).rejects.toThrow(
      `${join(dir, MANIFEST_FILE)} was written by a newer tablepipe (manifest version 3; this one reads up to 2): upgrade tablepipe to write in ${dir}`,
    );
  });

  it.each([
    ["not JSON", "{"],
    ["files not a list", '{"tablepipe":2,"files":{}}'],
    [
      "a fingerprint missing its inode",
      '{"tablepipe":2,"files":[{"name":"a","fingerprints":[{"size":1,"mtimeMs":2}]}]}',
    ],
    ["an empty list of fingerprints", '{"tablepipe":2,"files":[{"name":"a","fingerprints":[]}]}'],
    ["version 1 with objects", '{"tablepipe":1,"files":[{"name":"a"}]}'],
  ])("a manifest that is not one (%s) is refused, naming it", async (_, content) => {
    const dir = fresh();
    mkdirSync(dir);
    writeFileSync(join(dir, MANIFEST_FILE), content);
    await expect(checkOutputFolder(dir)).rejects.toThrow(
      `${join(dir, MANIFEST_FILE)} is not a tablepipe manifest (expected {"tablepipe":2,`,
    );
  });
});
