import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const fixture = fileURLToPath(new URL("./closed-pipe.fixture.ts", import.meta.url));
const folder = fileURLToPath(new URL(".", import.meta.url));

/** Runs `piped <args> <redirects> | head -1` in bash with pipefail: the status is the CLI's unless head fails. */
function pipedIntoHead(
  args: string,
  redirects = "",
): { status: number | null; stdout: string; stderr: string } {
  const command = `"${process.execPath}" --import tsx "${fixture}" ${args} ${redirects} | head -1`;
  const { DEBUG: _debug, ...env } = process.env;
  const result = spawnSync("bash", ["-o", "pipefail", "-c", command], {
    cwd: folder,
    encoding: "utf8",
    env: { ...env, NO_COLOR: "1" },
  });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("runCli writing to a pipe its reader closed", () => {
  it("stops quietly on stdout: help longer than a pipe holds, read by head -1", () => {
    const result = pipedIntoHead("run --help");
    expect(result.stdout).toBe("Usage: piped run [options]\n");
    expect(result.stderr).not.toContain("EPIPE");
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
  });

  it("stops quietly on stderr: log lines read by head -1", () => {
    const result = pipedIntoHead("--lines 5000", "2>&1 >/dev/null");
    expect(result.stdout).toMatch(/^\[[\d :-]+\] INFO piped: line 0 x+\n$/);
    expect(result.status).toBe(0);
  });
});
