import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const repoRoot = fileURLToPath(new URL("../../..", import.meta.url));
const cliPath = fileURLToPath(new URL("./cli.ts", import.meta.url));

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "tip-model-bin-"));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

/** Run the real executable in a child process, as a user would (through tsx, from the sources). */
function tipModel(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const { DEBUG: _debug, ...env } = process.env;
  const result = spawnSync(process.execPath, ["--import", "tsx", cliPath, ...args], {
    cwd: repoRoot,
    encoding: "utf8",
    env: { ...env, NO_COLOR: "1" },
  });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("the tip-model executable", () => {
  it("stops quietly when the reader closes the pipe early (tip-model run --help | head -1)", () => {
    const result = spawnSync(
      "bash",
      ["-o", "pipefail", "-c", `"${process.execPath}" --import tsx "${cliPath}" run --help | head -1`],
      { cwd: repoRoot, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } },
    );
    expect(result.stdout).toBe("Usage: tip-model run [options]\n");
    expect(result.stderr).not.toContain("EPIPE");
    expect(result.status).toBe(0);
  });

  it("exits with the CLI's code, prints errors as one line without a stack trace, and exits when done", async () => {
    const badFlag = tipModel("--test-fraction", "1.5");
    expect(badFlag).toEqual({
      status: 2,
      stdout: "",
      stderr: "tip-model: --test-fraction: expected a number > 0 and < 1, got 1.5\n",
    });

    const missing = join(root, "missing");
    const output = join(root, "out");
    const noData = tipModel("--data-dir", missing, "--output-dir", output, "--log-level", "warn");
    expect(noData).toEqual({
      status: 1,
      stdout: "",
      stderr: `tip-model: data_dir ${missing} does not exist\n`,
    });
    expect(existsSync(output)).toBe(false);

    const ok = tipModel("--sample-rows", "2000", "--output-dir", output);
    expect(ok.status).toBe(0);
    expect(ok.stdout.endsWith(`\nreport: ${join(output, "report.html")}\n`)).toBe(true);
    expect(ok.stderr).toMatch(/INFO tip-model: load: done in/);
    expect(ok.stderr).not.toMatch(/^\s+at /m);
    expect((await readdir(output)).sort()).toEqual([
      ".tablepipe-manifest.json",
      "metrics.json",
      "model.json",
      "predictions.csv",
      "report.html",
    ]);
  });
});
