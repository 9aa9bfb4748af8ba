import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { tempFolder } from "../test-support";
import { pendingOnInterrupt, stopOnInterrupt } from "./interrupt-cleanup";

const tmp = tempFolder();
afterAll(() => tmp.remove());

const module = (name: string): string => JSON.stringify(new URL(name, import.meta.url).pathname);

/** Run `body` (module code) in a child process inside `stopOnInterrupt`, with `out` open on `dir`. */
function child(dir: string, body: string): ReturnType<typeof spawnSync> {
  const script = `
    const { writeFileSync } = await import("node:fs");
    const { stopOnInterrupt } = await import(${module("./interrupt-cleanup.ts")});
    const { openOutputFolder } = await import(${module("./output-folder.ts")});
    const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
    await stopOnInterrupt(async (signal) => {
      const out = await openOutputFolder(${JSON.stringify(dir)});
      try {
        ${body}
      } finally {
        await out.close();
        console.log("closed");
      }
    });
    console.log("not reached");`;
  return spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
    encoding: "utf8",
  });
}

describe("stopOnInterrupt", () => {
  it.each(["SIGINT", "SIGTERM"] as const)(
    "%s aborts the signal the work is given; its finally blocks run, then the process ends as the signal says",
    (name) => {
      const dir = join(tmp.dir, `stopped-${name}`);
      const result = child(
        dir,
        `process.kill(process.pid, "${name}");
         while (!signal.aborted) await new Promise((r) => setImmediate(r));
         console.log(signal.reason.name, signal.reason.message);
         signal.throwIfAborted();`,
      );
      expect(result.signal).toBe(name);
      expect(result.stdout).toBe(`InterruptedError interrupted by ${name}\nclosed\n`);
      expect(existsSync(dir)).toBe(false); // created by the run and left empty: removed by close()
    },
  );

  it("a second signal ends the process at once, removing the temporary files, the lock and the empty folder", () => {
    const dir = join(tmp.dir, "twice");
    const result = child(
      dir,
      `await out.write("model.json", async (p) => {
         writeFileSync(p, "half");
         process.kill(process.pid, "SIGINT");
         await sleep(50);
         console.log("aborted:", signal.aborted);
         process.kill(process.pid, "SIGINT");
         await sleep(60000);
       });`,
    );
    expect(result.signal).toBe("SIGINT");
    expect(result.stdout).toBe("aborted: true\n"); // no finally block ran
    expect(existsSync(dir)).toBe(false);
  });

  it("a second signal leaves a lock another run took over (it holds that run's pid)", () => {
    const dir = join(tmp.dir, "taken-over");
    const lock = join(dir, ".tablepipe.lock");
    const result = child(
      dir,
      `writeFileSync(${JSON.stringify(lock)}, "1\\n"); // another run judged this one gone
       process.kill(process.pid, "SIGINT");
       await sleep(50);
       process.kill(process.pid, "SIGINT");
       await sleep(60000);`,
    );
    expect(result.signal).toBe("SIGINT");
    expect(readFileSync(lock, "utf8")).toBe("1\n");
  });

  it("without a signal, gives what the work gives and stops listening", async () => {
    const before = process.listenerCount("SIGINT");
    expect(
      await stopOnInterrupt(async (signal) => {
        expect(process.listenerCount("SIGINT")).toBe(before + 1);
        expect(await stopOnInterrupt(async (inner) => inner === signal)).toBe(true); // nested: the same scope
        return 42;
      }),
    ).toBe(42);
    await expect(stopOnInterrupt(() => Promise.reject(new Error("failed")))).rejects.toThrow("failed");
    expect(process.listenerCount("SIGINT")).toBe(before);
    expect(pendingOnInterrupt()).toEqual([]);
  });
});
