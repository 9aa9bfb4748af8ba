import { spawnSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { extname, join } from "node:path";
import { table as makeTable } from "arquero";
import { afterAll, describe, expect, it } from "vitest";
import * as z from "zod";
import { OutputLockedError, OutputPathError } from "../errors";
import { tempFolder } from "../test-support";
import { pendingOnInterrupt } from "./interrupt-cleanup";
import { checkOutputFolder } from "./output-check";
import { type OutputStep, openOutputFolder, writeOutputFolder } from "./output-folder";
import { LOCK_FILE } from "./output-lock";
import { MANIFEST_FILE } from "./output-manifest";

const tmp = tempFolder();
afterAll(() => tmp.remove());

let count = 0;
const fresh = (): string => join(tmp.dir, `case-${++count}`);
const ls = (dir: string): string[] => readdirSync(dir).sort();
const read = (path: string): string => readFileSync(path, "utf8");
const manifest = (dir: string): unknown => JSON.parse(read(join(dir, MANIFEST_FILE)));

async function inFolder<T>(dir: string, body: () => Promise<T>): Promise<T> {
  const before = process.cwd();
  process.chdir(dir);
  try {
    return await body();
  } finally {
    process.chdir(before);
  }
}

describe("writeOutputFolder", () => {
  it("writes each file atomically and records it in the manifest; the lock is gone afterwards", async () => {
    const dir = fresh();
    const result = await writeOutputFolder(dir, async (out) => {
      expect(ls(dir)).toEqual([LOCK_FILE]);
      expect(read(join(dir, LOCK_FILE))).toBe(`${process.pid}\n`);
      await out.writeTable("metrics.csv", makeTable({ a: [1, 2] }));
      await out.write("model.json", async (path) => writeFileSync(path, "{}"));
      return 42;
    });
    expect(result).toBe(42);
    expect(ls(dir)).toEqual([MANIFEST_FILE, "metrics.csv", "model.json"]);
    expect(read(join(dir, "metrics.csv"))).toBe("a\n1\n2\n");
    const recorded = (name: string) => {
      const { size, mtimeMs, ino } = statSync(join(dir, name));
      return { name, fingerprints: [{ size, mtimeMs, ino }] };
    };
    expect(manifest(dir)).toEqual({ tablepipe: 2, files: [recorded("metrics.csv"), recorded("model.json")] });
    expect(ls(tmp.dir).filter((n) => n.startsWith("."))).toEqual([]);
    expect(pendingOnInterrupt()).toEqual([]);
  });

  it("a later run replaces only the files tablepipe wrote and keeps the others", async () => {
    const dir = fresh();
    await writeOutputFolder(dir, async (out) => {
      await out.write("old-only.txt", async (p) => writeFileSync(p, "old"));
      await out.write("shared.txt", async (p) => writeFileSync(p, "old"));
    });
    await writeOutputFolder(dir, async (out) => {
      await out.write("shared.txt", async (p) => writeFileSync(p, "new"));
    });
    expect(ls(dir)).toEqual([MANIFEST_FILE, "old-only.txt", "shared.txt"]);
    expect(read(join(dir, "shared.txt"))).toBe("new");
    expect(read(join(dir, "old-only.txt"))).toBe("old");
  });

  it("refuses, before any work, a folder holding files tablepipe did not write", async () => {
    const dir = fresh();
    await writeOutputFolder(dir, async (out) => out.write("model.json", async (p) => writeFileSync(p, "1")));
    writeFileSync(join(dir, "notes.txt"), "mine");
    mkdirSync(join(dir, "sub"));
    let worked = false;
    const attempt = writeOutputFolder(
      dir,
      async () => {
        worked = true;
      },
      { label: "--output-dir", overwriteLabel: "--overwrite" },
    );
    await expect(attempt).rejects.toThrow(OutputPathError);
    await expect(
      writeOutputFolder(dir, async () => undefined, { label: "--output-dir", overwriteLabel: "--overwrite" }),
    ).rejects.toThrow(
      `cannot write --output-dir ${dir}: ${dir} holds files tablepipe did not write (notes.txt, sub/); choose a new or empty folder, or pass --overwrite to write tablepipe's files beside them (they are never deleted; same-named files are replaced)`,
    );
    expect(worked).toBe(false);
    expect(ls(dir)).toEqual([MANIFEST_FILE, "model.json", "notes.txt", "sub"]);
  });

  it("with overwrite writes beside the user's files, replaces same-named ones, deletes nothing", async () => {
    const dir = fresh();
    mkdirSync(dir);
    writeFileSync(join(dir, "notes.txt"), "mine");
    writeFileSync(join(dir, "model.json"), "my own model");
    await writeOutputFolder(
      dir,
      async (out) => {
        await out.write("model.json", async (p) => writeFileSync(p, "tablepipe's"));
        await out.write("report.html", async (p) => writeFileSync(p, "<p>"));
      },
      { overwrite: true },
    );
    expect(ls(dir)).toEqual([MANIFEST_FILE, "model.json", "notes.txt", "report.html"]);
    expect(read(join(dir, "notes.txt"))).toBe("mine");
    expect(read(join(dir, "model.json"))).toBe("tablepipe's");
    // the next run needs no overwrite for its own files, but still for notes.txt
    await expect(writeOutputFolder(dir, async () => undefined)).rejects.toThrow(/\(notes\.txt\)/);
  });

  it("refuses an empty path, the current folder, an input folder and a folder above one", async () => {
    const data = join(fresh(), "data");
    mkdirSync(data, { recursive: true });
    writeFileSync(join(data, "trips.csv"), "a\n1\n");
    const options = { label: "--output-dir", inputs: [data] };
    await expect(checkOutputFolder("", options)).rejects.toThrow(
      "--output-dir is empty: name a folder for the outputs, e.g. --output-dir out",
    );
    await expect(checkOutputFolder("  ", options)).rejects.toThrow(OutputPathError);
    await inFolder(data, async () => {
      await expect(checkOutputFolder(".", options)).rejects.toThrow(
        /^--output-dir .*data is the current folder: tablepipe writes its outputs into a folder of their own/,
      );
    });
    await expect(checkOutputFolder(data, options)).rejects.toThrow(
      `--output-dir ${data} holds the input ${data}: writing there could replace your data; choose another folder`,
    );
    await expect(checkOutputFolder(join(data, ".."), options)).rejects.toThrow(/holds the input/);
    const file = { label: "--output-dir", inputs: [join(data, "trips.csv")] };
    await expect(checkOutputFolder(data, file)).rejects.toThrow(/holds the input .*trips\.csv/);
    await expect(writeOutputFolder(data, async () => undefined, options)).rejects.toThrow(OutputPathError);
    expect(ls(data)).toEqual(["trips.csv"]);
    await expect(checkOutputFolder(join(data, "out"), options)).resolves.toBeUndefined();
  });

  it("follows a link to a folder (checking where it leads) and names a link to nothing", async () => {
    const base = fresh();
    mkdirSync(join(base, "real"), { recursive: true });
    symlinkSync(join(base, "real"), join(base, "link"));
    symlinkSync(join(base, "nowhere"), join(base, "dangling"));
    await writeOutputFolder(join(base, "link"), async (out) =>
      out.write("a.txt", async (p) => writeFileSync(p, "a")),
    );
    expect(ls(join(base, "real"))).toEqual([MANIFEST_FILE, "a.txt"]);
    await expect(checkOutputFolder(join(base, "link"), { inputs: [join(base, "real")] })).rejects.toThrow(
      /holds the input/,
    );
    await expect(checkOutputFolder(join(base, "dangling"))).rejects.toThrow(
      `cannot write output folder ${join(base, "dangling")}: it is a link to nothing`,
    );
  });

  it("names a file in the way and creates nothing", async () => {
    const base = fresh();
    mkdirSync(base);
    const file = join(base, "a-file");
    writeFileSync(file, "x");
    await expect(writeOutputFolder(file, async () => undefined)).rejects.toThrow(
      `cannot write output folder ${file}: it is a file, not a folder`,
    );
    await expect(writeOutputFolder(join(file, "run"), async () => undefined)).rejects.toThrow(
      `cannot write output folder ${join(file, "run")}: ${file} is not a folder`,
    );
    expect(ls(base)).toEqual(["a-file"]);
  });

  it("writes every table format by its name (.arrow too), and an error names the output, not its temporary file", async () => {
    const dir = fresh();
    const ints = makeTable({ n: [1, 1e308] });
    await writeOutputFolder(dir, async (out) => {
      for (const name of ["t.csv", "t.parquet", "t.arrow", "t.feather"])
        await out.writeTable(name, makeTable({ a: [1] }));
      await expect(out.writeTable("sales.txt", makeTable({ a: [1] }))).rejects.toThrow(
        `cannot write ${join(dir, "sales.txt")}: writeTable writes .csv, .parquet and .arrow files`,
      );
      await expect(out.writeTable("big.parquet", ints, { schema: z.object({ n: z.int() }) })).rejects.toThrow(
        `cannot write ${join(dir, "big.parquet")}: column n, row 2: 1e+308 is outside the safe integers`,
      );
    });
    expect(ls(dir)).toEqual([MANIFEST_FILE, "t.arrow", "t.csv", "t.feather", "t.parquet"]);
  });

  it("refuses up front a table file (tables) whose format writeTable cannot tell, and nothing written with write", async () => {
    const base = fresh();
    const options = {
      files: ["sales.txt", "report.html"],
      tables: ["sales.txt"],
      shared: true,
      label: "--out",
    };
    await expect(checkOutputFolder(base, options)).rejects.toThrow(
      `cannot write --out ${join(base, "sales.txt")}: writeTable writes .csv, .parquet and .arrow files`,
    );
    await expect(openOutputFolder(base, options)).rejects.toThrow(OutputPathError);
    expect(existsSync(base)).toBe(false);
    const fine = { ...options, files: ["sales.csv", "report.html"], tables: ["sales.csv"] };
    await checkOutputFolder(base, fine);
    await writeOutputFolder(
      base,
      async (out) => {
        await out.writeTable("sales.csv", makeTable({ a: [1] }));
        await out.write("report.html", async (p) => writeFileSync(p, "<p>"));
      },
      fine,
    );
    expect(ls(base)).toEqual([MANIFEST_FILE, "report.html", "sales.csv"]);
  });

  it("refuses a file name with a folder part, '..' or an absolute path, writing nothing outside or below the folder", async () => {
    const base = fresh();
    mkdirSync(base);
    const out = join(base, "out");
    const t = makeTable({ a: [1] });
    for (const name of ["../outside.csv", "sub/x.csv", join(base, "abs.csv"), "..", "", "a\\b.csv"]) {
      await expect(writeOutputFolder(out, (o) => o.writeTable(name, t))).rejects.toThrow(
        `cannot write ${JSON.stringify(name)} in output folder ${out}: `,
      );
      await expect(checkOutputFolder(out, { files: [name] })).rejects.toThrow(OutputPathError);
    }
    await expect(writeOutputFolder(out, (o) => o.writeTable("../outside.csv", t))).rejects.toThrow(
      'an output file is named by its name alone, without a folder part ("/", "\\"); write it in an output folder of its own',
    );
    expect(ls(base)).toEqual([]);
    // a name alone is written, and the next run of the same code is not refused
    for (let run = 0; run < 2; run++) await writeOutputFolder(out, (o) => o.writeTable("x.csv", t));
    expect(ls(out)).toEqual([MANIFEST_FILE, "x.csv"]);
  });

  it("in a shared folder checks only the named files", async () => {
    const base = fresh();
    mkdirSync(base);
    writeFileSync(join(base, "notes.txt"), "mine");
    writeFileSync(join(base, "x.csv"), "mine");
    const options = { files: ["x.csv"], shared: true, label: "--out" };
    await expect(checkOutputFolder(base, options)).rejects.toThrow(
      `cannot write --out ${join(base, "x.csv")}: it exists and tablepipe did not write it; choose another path, or pass \`overwrite: true\` to replace it`,
    );
    await expect(
      checkOutputFolder(base, { ...options, inputs: [join(base, "x.csv")], overwrite: true }),
    ).rejects.toThrow(/is the input/);
    await writeOutputFolder(base, async (out) => out.write("x.csv", async (p) => writeFileSync(p, "new")), {
      ...options,
      overwrite: true,
    });
    await writeOutputFolder(
      base,
      async (out) => out.write("x.csv", async (p) => writeFileSync(p, "newer")),
      options,
    );
    expect(ls(base)).toEqual([MANIFEST_FILE, "notes.txt", "x.csv"]);
    expect(read(join(base, "x.csv"))).toBe("newer");
  });

  it("removes a folder it created when nothing was written", async () => {
    const dir = fresh();
    const failure = new Error("training diverged");
    await expect(writeOutputFolder(dir, async () => Promise.reject(failure))).rejects.toBe(failure);
    expect(existsSync(dir)).toBe(false);
  });

  it("removes the parent folders it created for the folder too, and keeps those that were there", async () => {
    const base = fresh();
    mkdirSync(base);
    const dir = join(base, "runs", "2026", "one");
    const failure = new Error("training diverged");
    await expect(writeOutputFolder(dir, async () => Promise.reject(failure))).rejects.toBe(failure);
    expect(ls(base)).toEqual([]);
    mkdirSync(join(base, "runs"));
    writeFileSync(join(base, "runs", "notes.txt"), "mine");
    await expect(writeOutputFolder(dir, async () => Promise.reject(failure))).rejects.toBe(failure);
    expect(ls(join(base, "runs"))).toEqual(["notes.txt"]);
    await writeOutputFolder(dir, async (out) => out.write("x.csv", async (p) => writeFileSync(p, "a\n")));
    expect(ls(dir)).toEqual([MANIFEST_FILE, "x.csv"]);
  });
});

describe("output folder faults", () => {
  it.each<OutputStep>(["write", "sync", "manifest", "rename"])(
    "a failure before the %s step leaves every previous output complete and no temporary file",
    async (failing) => {
      const dir = fresh();
      await writeOutputFolder(dir, async (out) => {
        await out.write("model.json", async (p) => writeFileSync(p, "model 1"));
        await out.write("metrics.json", async (p) => writeFileSync(p, "metrics 1"));
      });
      const stop = new Error(`stopped before ${failing}`);
      const beforeStep = (step: OutputStep, name: string): void => {
        if (step === failing && name === "report.html") throw stop;
      };
      await expect(
        writeOutputFolder(
          dir,
          async (out) => {
            await out.write("model.json", async (p) => writeFileSync(p, "model 2"));
            await out.write("report.html", async (p) => writeFileSync(p, "report 2"));
          },
          { beforeStep },
        ),
      ).rejects.toBe(stop);
      const files = ls(dir);
      // the manifest may already name report.html (it is recorded before the rename); the file itself is absent
      expect(files).toEqual([MANIFEST_FILE, "metrics.json", "model.json"]);
      expect(read(join(dir, "model.json"))).toBe("model 2");
      expect(read(join(dir, "metrics.json"))).toBe("metrics 1");
      expect(pendingOnInterrupt()).toEqual([]);
      // the next run proceeds without overwrite
      await writeOutputFolder(dir, async (out) =>
        out.write("report.html", async (p) => writeFileSync(p, "r")),
      );
      expect(ls(dir)).toEqual([MANIFEST_FILE, "metrics.json", "model.json", "report.html"]);
    },
  );

  it("a failure while a replacement is half-written keeps the previous version", async () => {
    const dir = fresh();
    await writeOutputFolder(dir, async (out) => out.write("big.csv", async (p) => writeFileSync(p, "old\n")));
    await expect(
      writeOutputFolder(dir, async (out) =>
        out.write("big.csv", async (p) => {
          writeFileSync(p, "half");
          throw new Error("disk full");
        }),
      ),
    ).rejects.toThrow("disk full");
    expect(ls(dir)).toEqual([MANIFEST_FILE, "big.csv"]);
    expect(read(join(dir, "big.csv"))).toBe("old\n");
  });

  it("sweeps the temporary files a killed run left, and only those", async () => {
    const dir = fresh();
    await writeOutputFolder(dir, async (out) => out.write("model.json", async (p) => writeFileSync(p, "1")), {
      overwrite: true,
    });
    writeFileSync(join(dir, ".model.json.tmp-0123456789ab"), "half"); // named as earlier versions did
    writeFileSync(join(dir, ".model.json.tmp-0123456789ac.json"), "half"); // named as now, with the extension
    writeFileSync(join(dir, `.${MANIFEST_FILE}.tmp-0123456789ab`), "half");
    writeFileSync(join(dir, LOCK_FILE), "999999999\n"); // a dead holder
    const out = await openOutputFolder(dir, { overwrite: true });
    expect([...out.swept].sort()).toEqual([
      `.${MANIFEST_FILE}.tmp-0123456789ab`,
      ".model.json.tmp-0123456789ab",
      ".model.json.tmp-0123456789ac.json",
    ]);
    await out.close();
    expect(ls(dir)).toEqual([MANIFEST_FILE, "model.json"]);
  });

  it("gives a writer a temporary path with the output's extension, for writers that tell the format by it", async () => {
    const dir = fresh();
    const seen: string[] = [];
    await writeOutputFolder(dir, async (out) => {
      for (const name of ["trips.parquet", "notes"]) {
        await out.write(name, async (temporary) => {
          seen.push(temporary.slice(dir.length + 1));
          if (!temporary.endsWith(extname(name))) throw new Error(`cannot tell the format of ${temporary}`);
          writeFileSync(temporary, "x");
        });
      }
    });
    expect(seen).toEqual([
      expect.stringMatching(/^\.trips\.parquet\.tmp-[0-9a-f]{12}\.parquet$/),
      expect.stringMatching(/^\.notes\.tmp-[0-9a-f]{12}$/),
    ]);
    expect(ls(dir)).toEqual([MANIFEST_FILE, "notes", "trips.parquet"]);
  });

  it("takes a hidden file whose extension is not its target's for the user's, not a leftover", async () => {
    const dir = fresh();
    await writeOutputFolder(dir, async (out) => out.write("model.json", async (p) => writeFileSync(p, "1")));
    writeFileSync(join(dir, ".model.json.tmp-0123456789ab.csv"), "mine");
    await expect(openOutputFolder(dir)).rejects.toThrow(OutputPathError);
  });

  it("refuses a second run while a live process holds the lock", async () => {
    const dir = fresh();
    const first = await openOutputFolder(dir);
    try {
      await expect(openOutputFolder(dir)).rejects.toThrow(OutputLockedError);
    } finally {
      await first.close();
    }
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, LOCK_FILE), `${process.ppid}\n`); // another process, alive
    await expect(openOutputFolder(dir)).rejects.toThrow(
      `output folder ${dir} is in use by another tablepipe run (pid ${process.ppid}; lock file ${join(dir, LOCK_FILE)})`,
    );
    expect(ls(dir)).toEqual([LOCK_FILE]);
  });

  it("closing leaves a lock that another run took over", async () => {
    const dir = fresh();
    const out = await openOutputFolder(dir);
    writeFileSync(join(dir, LOCK_FILE), `${process.ppid}\n`); // another run judged this one gone
    await out.close();
    expect(read(join(dir, LOCK_FILE))).toBe(`${process.ppid}\n`);
  });

  /** Open `dir` as `out` in a child process, run `then` (module code), and interrupt the child. */
  const interrupted = (dir: string, then: string) => {
    const script = `
      const { writeFileSync } = await import("node:fs");
      const { openOutputFolder } = await import(${JSON.stringify(new URL("./output-folder.ts", import.meta.url).pathname)});
      const out = await openOutputFolder(${JSON.stringify(dir)});
      ${then}
      process.kill(process.pid, "SIGINT");
      await new Promise((r) => setTimeout(r, 60000));`;
    return spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
      encoding: "utf8",
    });
  };
  const halfWritten = `await out.write("model.json", async (p) => {
    writeFileSync(p, "half");
    process.kill(process.pid, "SIGINT");
    await new Promise((r) => setTimeout(r, 60000));
  });`;

  it("removes temporary files, the lock and the folder it created on SIGINT, then ends as the signal says", () => {
    const dir = fresh();
    expect(interrupted(dir, halfWritten).signal).toBe("SIGINT");
    expect(existsSync(dir)).toBe(false);
  });

  it("removes on SIGINT the parent folders it created, up to one that was there", () => {
    const base = fresh();
    mkdirSync(base);
    expect(interrupted(join(base, "a", "b"), halfWritten).signal).toBe("SIGINT");
    expect(ls(base)).toEqual([]);
  });

  it("keeps on SIGINT a folder that was there before, and one it created that is not empty", () => {
    const existing = fresh();
    mkdirSync(existing);
    expect(interrupted(existing, halfWritten).signal).toBe("SIGINT");
    expect(ls(existing)).toEqual([]);
    const created = fresh();
    const notes = `writeFileSync(${JSON.stringify(join(created, "notes.txt"))}, "mine");`;
    expect(interrupted(created, notes).signal).toBe("SIGINT");
    expect(ls(created)).toEqual(["notes.txt"]);
  });
});
