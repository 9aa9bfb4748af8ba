import type { ReadProgress } from "./types";

const INTERVAL_MS = 100;

/**
 * Adds up bytes and rows over the files of a read and reports them at most every ~100 ms, at once when the last
 * byte is read (a consumer may start what follows the read while its last rows are still handled), and at the
 * end unless that would repeat the report before.
 */
export class ProgressReporter {
  private bytesRead = 0;
  private last = 0;
  /** The bytes and rows of the last report. */
  private reported: { bytes: number; rows: number } | undefined;
  file = "";

  constructor(
    private readonly totalBytes: number,
    private readonly onProgress: ((progress: ReadProgress) => void) | undefined,
    /** The clock, in milliseconds (tests give their own). */
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Count `bytes` more bytes read; report if the last report is ~100 ms old, or the last byte is read now. */
  advance(bytes: number, rows: number): void {
    const before = this.bytesRead;
    this.bytesRead += bytes;
    if (this.onProgress === undefined) return;
    const now = this.now();
    const lastByte = before < this.totalBytes && this.bytesRead >= this.totalBytes;
    if (lastByte || now - this.last >= INTERVAL_MS) {
      this.last = now;
      this.emit(rows);
    }
  }

  /** The final report (skipped when the last one said the same). */
  finish(rows: number): void {
    const bytes = Math.min(this.bytesRead, this.totalBytes);
    if (this.reported?.bytes === bytes && this.reported.rows === rows) return;
    this.emit(rows);
  }

  private emit(rows: number): void {
    const bytes = Math.min(this.bytesRead, this.totalBytes);
    this.reported = { bytes, rows };
    this.onProgress?.({ bytesRead: bytes, totalBytes: this.totalBytes, rows, file: this.file });
  }
}
