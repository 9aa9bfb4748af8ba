import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const pkg = fileURLToPath(new URL("..", import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), "tablepipe-spark-proto-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function files(dir: string, prefix = ""): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? files(join(dir, entry.name), `${prefix}${entry.name}/`)
      : [`${prefix}${entry.name}`],
  );
}

describe("the generated protobuf code", () => {
  it("is what `pnpm --filter @tablepipe/spark generate` makes of proto/ (regenerate after editing a .proto)", () => {
    const bin = join(pkg, "node_modules", ".bin");
    execFileSync(join(bin, "buf"), ["generate", "proto", "-o", scratch], {
      cwd: pkg,
      env: { ...process.env, PATH: `${bin}${delimiter}${process.env.PATH ?? ""}` },
      stdio: "pipe",
    });
    const committed = join(pkg, "src", "generated");
    const fresh = join(scratch, "src", "generated");
    expect(files(fresh)).toEqual(files(committed));
    for (const file of files(committed)) {
      expect(readFileSync(join(fresh, file), "utf8"), file).toBe(readFileSync(join(committed, file), "utf8"));
    }
  });
});
