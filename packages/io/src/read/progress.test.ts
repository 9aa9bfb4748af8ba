/** How often a read reports its progress: throttled, at once when the last byte is read, and at the end. */
import { describe, expect, it } from "vitest";
import { ProgressReporter } from "./progress";
import type { ReadProgress } from "./types";

/** A reporter whose clock reads `clock.ms`, and the bytes and rows it reported. */
function reporter(totalBytes: number, clock = { ms: 1_000 }) {
  const reports: [number, number][] = [];
  const progress = new ProgressReporter(
    totalBytes,
    (p: ReadProgress) => reports.push([p.bytesRead, p.rows]),
    () => clock.ms,
  );
  return { progress, reports };
}

describe("ProgressReporter", () => {
  it("reports the first advance, then at most every ~100 ms, but the last byte at once", () => {
    const clock = { ms: 1_000 };
    const { progress, reports } = reporter(100, clock);
    progress.advance(10, 1);
    clock.ms += 99;
    progress.advance(30, 4);
    expect(reports).toEqual([[10, 1]]);
    clock.ms += 1;
    progress.advance(10, 5);
    clock.ms += 10;
    progress.advance(30, 8);
    expect(reports).toEqual([
      [10, 1],
      [50, 5],
    ]);
    progress.advance(20, 10);
    expect(reports).toEqual([
      [10, 1],
      [50, 5],
      [100, 10],
    ]);
  });

  it("ends with a report unless it would repeat the last one", () => {
    const same = reporter(100);
    same.progress.advance(100, 10);
    same.progress.finish(10);
    expect(same.reports).toEqual([[100, 10]]);

    const more = reporter(100);
    more.progress.advance(100, 10);
    more.progress.finish(12);
    expect(more.reports).toEqual([
      [100, 10],
      [100, 12],
    ]);

    const empty = reporter(0);
    empty.progress.finish(0);
    expect(empty.reports).toEqual([[0, 0]]);
  });

  it("reports the last byte once, however much more is counted after it", () => {
    const { progress, reports } = reporter(50);
    progress.advance(10, 1);
    progress.advance(45, 5);
    progress.advance(5, 6);
    expect(reports).toEqual([
      [10, 1],
      [50, 5],
    ]);
  });
});
