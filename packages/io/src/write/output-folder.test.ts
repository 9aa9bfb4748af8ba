import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { table as makeTable } from "arquero";
import { afterAll, describe, expect, it } from "vitest";
import { TableWriteError } from "../errors";
import { tempFolder } from "../test-support";
import { writeOutputFolder } from "./output-folder";
import { writeTable } from "./write-table";

const tmp = tempFolder();
afterAll(() => tmp.remove());

describe("writeOutputFolder", () => {
  it("writes into a hidden temporary sibling and renames it into place", async () => {
    const dir = join(tmp.dir, "run-1");
    let seen = "";
    const result = await writeOutputFolder(dir, async (tmpDir) => {
      seen = tmpDir;
      expect(tmpDir).toMatch(/\/\.run-1\.tmp-[0-9a-f]{12}$/);
      expect(existsSync(dir)).toBe(false);
      await writeTable(makeTable({ a: [1, 2] }), join(tmpDir, "metrics.csv"));
      writeFileSync(join(tmpDir, "model.json"), "{}");
      return 42;
    });
    expect(result).toBe(42);
    expect(readdirSync(dir).sort()).toEqual(["metrics.csv", "model.json"]);
    expect(readFileSync(join(dir, "metrics.csv"), "utf8")).toBe("a\n1\n2\n");
    expect(existsSync(seen)).toBe(false);
    expect(readdirSync(tmp.dir).filter((n) => n.startsWith("."))).toEqual([]);
  });

  it("replaces an existing folder whole, leaving nothing of the old one", async () => {
    const dir = join(tmp.dir, "run-2");
    await writeOutputFolder(dir, async (t) => {
      writeFileSync(join(t, "old-only.txt"), "old");
      writeFileSync(join(t, "shared.txt"), "old");
    });
    await writeOutputFolder(dir, async (t) => {
      writeFileSync(join(t, "shared.txt"), "new");
    });
    expect(readdirSync(dir)).toEqual(["shared.txt"]);
    expect(readFileSync(join(dir, "shared.txt"), "utf8")).toBe("new");
    expect(readdirSync(tmp.dir).filter((n) => n.startsWith("."))).toEqual([]);
  });

  it("on failure deletes the temporary folder, keeps the existing output and rethrows", async () => {
    const dir = join(tmp.dir, "run-3");
    await writeOutputFolder(dir, async (t) => writeFileSync(join(t, "good.txt"), "good"));
    const failure = new Error("training diverged");
    await expect(
      writeOutputFolder(dir, async (t) => {
        writeFileSync(join(t, "half.txt"), "half");
        throw failure;
      }),
    ).rejects.toBe(failure);
    expect(readdirSync(dir)).toEqual(["good.txt"]);
    const fresh = join(tmp.dir, "run-4");
    await expect(
      writeOutputFolder(fresh, async () => {
        throw failure;
      }),
    ).rejects.toBe(failure);
    expect(existsSync(fresh)).toBe(false);
    expect(readdirSync(tmp.dir).filter((n) => n.startsWith("."))).toEqual([]);
  });

  it("creates missing parent folders", async () => {
    const dir = join(tmp.dir, "deep", "er", "run");
    await writeOutputFolder(dir, async (t) => writeFileSync(join(t, "x"), "x"));
    expect(readdirSync(dir)).toEqual(["x"]);
  });

  it("names a path that cannot be written", async () => {
    const file = tmp.file("a-file", "x");
    const under = join(file, "run");
    await expect(writeOutputFolder(under, async () => {})).rejects.toThrow(TableWriteError);
    await expect(writeOutputFolder(under, async () => {})).rejects.toThrow(
      `cannot write ${under}: cannot create a folder there`,
    );
    await expect(writeOutputFolder(file, async () => {})).rejects.toThrow(
      `cannot write ${file}: a file of that name exists and is not a folder`,
    );
    expect(readFileSync(file, "utf8")).toBe("x");
    expect(readdirSync(tmp.dir).filter((n) => n.startsWith("."))).toEqual([]);
  });
});
