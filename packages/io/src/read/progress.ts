import type { ReadProgress } from "./types";

const INTERVAL_MS = 100;

/** Adds up bytes and rows over the files of a read and reports them at most every ~100 ms (and once at the end). */
export class ProgressReporter {
  private bytesRead = 0;
  private last = 0;
  file = "";

  constructor(
    private readonly totalBytes: number,
    private readonly onProgress: ((progress: ReadProgress) => void) | undefined,
  ) {}

  /** Count `bytes` more bytes read; report if the last report is ~100 ms old. */
  advance(bytes: number, rows: number): void {
    this.bytesRead += bytes;
    if (this.onProgress === undefined) return;
    const now = performance.now();
    if (now - this.last >= INTERVAL_MS) {
      this.last = now;
      this.emit(rows);
    }
  }

  /** The final report. */
  finish(rows: number): void {
    this.emit(rows);
  }

  private emit(rows: number): void {
    this.onProgress?.({
      bytesRead: Math.min(this.bytesRead, this.totalBytes),
      totalBytes: this.totalBytes,
      rows,
      file: this.file,
    });
  }
}
