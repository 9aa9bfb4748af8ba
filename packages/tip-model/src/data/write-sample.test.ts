import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { MANIFEST_FILE } from "@tablepipe/io";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { TAXI_TRIP_COLUMNS } from "./trip-schema";
import { SAMPLE_FILES, writeSample } from "./write-sample";

let root: string;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), "tip-model-sample-"));
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe("writeSample", () => {
  it("writes taxi_trip_data.csv and taxi_zone_geo.csv with their headers and rows", async () => {
    const dir = join(root, "nested", "data");
    const progress: number[] = [];
    const written = await writeSample({
      rows: 1_234,
      seed: 42,
      dir,
      chunkRows: 500,
      onProgress: (p) => progress.push(p.rowsWritten),
    });
    expect(written).toMatchObject({
      trips: join(dir, SAMPLE_FILES.trips),
      zones: join(dir, SAMPLE_FILES.zones),
      tripRows: 1_234,
      zoneRows: 263,
    });
    expect(progress).toEqual([500, 1_000, 1_234]);
    expect((await readdir(dir)).sort()).toEqual([MANIFEST_FILE, "taxi_trip_data.csv", "taxi_zone_geo.csv"]);
    const trips = await readFile(written.trips, "utf8");
    const lines = trips.split("\n");
    expect(lines[0]).toBe(TAXI_TRIP_COLUMNS.join(","));
    expect(lines).toHaveLength(1_236); // header, rows, and the empty string after the last line break
    expect(lines[1]).toMatch(/^[12],\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d,/);
    expect(Buffer.byteLength(trips)).toBe(written.tripBytes);
    const zones = (await readFile(written.zones, "utf8")).trimEnd().split("\n");
    expect(zones[0]).toBe("zone_id,zone_name,borough");
    expect(zones).toHaveLength(264);
  });

  it("writes the same bytes whatever the chunk size", async () => {
    const a = await writeSample({ rows: 700, seed: 9, dir: join(root, "a"), chunkRows: 64 });
    const b = await writeSample({ rows: 700, seed: 9, dir: join(root, "b") });
    expect(await readFile(a.trips)).toEqual(await readFile(b.trips));
  });

  it("leaves nothing behind when it fails half-way, and keeps the files it would have replaced", async () => {
    const dir = join(root, "data");
    await mkdir(dir);
    await writeFile(join(dir, "notes.txt"), "mine");
    await expect(writeSample({ rows: 10, dir })).rejects.toThrow(
      `cannot write sample folder ${dir}: ${dir} holds files tablepipe did not write (notes.txt)`,
    );
    const failing = writeSample({
      rows: 1_000,
      dir,
      output: { overwrite: true },
      chunkRows: 100,
      onProgress: (p) => {
        if (p.rowsWritten >= 300) throw new Error("disk full (simulated)");
      },
    });
    await expect(failing).rejects.toThrow("disk full (simulated)");
    expect(await readdir(dir)).toEqual(["notes.txt"]);

    const first = await writeSample({ rows: 50, seed: 1, dir, output: { overwrite: true } });
    const before = await readFile(first.trips);
    const again = writeSample({
      rows: 500,
      seed: 2,
      dir,
      output: { overwrite: true },
      chunkRows: 100,
      onProgress: () => {
        throw new Error("stop");
      },
    });
    await expect(again).rejects.toThrow("stop");
    expect((await readdir(dir)).sort()).toEqual([
      MANIFEST_FILE,
      "notes.txt",
      "taxi_trip_data.csv",
      "taxi_zone_geo.csv",
    ]);
    expect(await readFile(first.trips)).toEqual(before);
  });

  it("checks its options before touching the disk", async () => {
    const dir = join(root, "never");
    await expect(writeSample({ rows: -5, dir })).rejects.toThrow(RangeError);
    await expect(writeSample({ rows: 5, dir, chunkRows: 0 })).rejects.toThrow(/chunkRows/);
    expect(await readdir(root)).toEqual([]);
  });
});
