import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { configureLogging, resetLogging } from "@tablepipe/job";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runFarePerMileCli } from "../src/cli";

/** Collects what the CLI writes. */
function sink(): { text: string; write(chunk: string): boolean } {
  return {
    text: "",
    write(chunk: string) {
      this.text += chunk;
      return true;
    },
  };
}

describe("fare-per-mile CLI", () => {
  const dir = mkdtempSync(join(tmpdir(), "fare-per-mile-"));
  const log = sink();
  beforeAll(() => configureLogging({ stream: log, color: false }));
  afterAll(() => {
    resetLogging();
    rmSync(dir, { recursive: true, force: true });
  });

  it("runs the job on the generated sample and writes one row per borough and hour", async () => {
    const out = join(dir, "answer.csv");
    const stdout = sink();
    const code = await runFarePerMileCli(["--sample-rows", "3000", "--out", out], { stdout });
    expect(code).toBe(0);
    expect(stdout.text).toContain(`answer: ${out}`);
    const lines = readFileSync(out, "utf8").trim().split("\n");
    expect(lines[0]).toBe("pickup_borough,pickup_hour,trips,median_fare_per_mile,mean_fare_per_mile");
    expect(lines.length).toBeGreaterThan(24);
    expect(log.text).toMatch(/addPickupBorough +[\d,]+ → [\d,]+/);
    expect(log.text).toContain("no data_dir: generating a sample of 3000 trips (seed 42)");
  });

  it("never writes over a file it did not write, nor over an input", async () => {
    const precious = join(dir, "precious.csv");
    writeFileSync(precious, "mine\n");
    const stderr = sink();
    expect(await runFarePerMileCli(["--sample-rows", "300", "--out", precious], { stderr })).not.toBe(0);
    expect(stderr.text).toContain("precious.csv");
    expect(stderr.text).toContain("or pass --overwrite to replace it"); // the CLI's flag, not a JS option
    expect(readFileSync(precious, "utf8")).toBe("mine\n");
    const replaced = await runFarePerMileCli(["--sample-rows", "300", "--out", precious, "--overwrite"], {
      stdout: sink(),
    });
    expect(replaced).toBe(0);
    expect(readFileSync(precious, "utf8")).not.toBe("mine\n");

    const data = join(dir, "data");
    mkdirSync(data);
    const trips = join(data, "taxi_trip_data.csv");
    writeFileSync(trips, "untouched\n");
    const code = await runFarePerMileCli(["--data-dir", data, "--out", trips], { stderr });
    expect(code).not.toBe(0);
    // refused before the job reads anything (the file is no valid trips CSV: a read would fail otherwise)
    expect(stderr.text).toMatch(/--out .*taxi_trip_data\.csv/);
    expect(stderr.text).not.toContain("line 2");
    expect(readFileSync(trips, "utf8")).toBe("untouched\n");
  });

  it("refuses before any work an --out writeTable cannot write, naming it", async () => {
    const stderr = sink();
    const out = join(dir, "answer.txt");
    expect(await runFarePerMileCli(["--sample-rows", "300", "--out", out], { stderr })).not.toBe(0);
    expect(stderr.text).toContain(
      `cannot write --out ${out}: writeTable writes .csv, .parquet and .arrow files`,
    );
    expect(stderr.text).not.toContain(".tmp-");
    expect(existsSync(out)).toBe(false);
  });

  it("rejects a bad flag value, naming the flag", async () => {
    const stderr = sink();
    const code = await runFarePerMileCli(["--min-miles", "-1"], { stderr });
    expect(code).toBe(2);
    expect(stderr.text).toContain("--min-miles");
  });

  it("suggests the flag meant", async () => {
    const stderr = sink();
    const code = await runFarePerMileCli(["--min-mile", "1"], { stderr });
    expect(code).toBe(2);
    expect(stderr.text).toContain("--min-miles");
  });
});
