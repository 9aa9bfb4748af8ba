import { WriteStream } from "node:tty";
import { formatWhole } from "@tablepipe/core/internal";
import type { ReadProgress } from "@tablepipe/io";
import type { CliOutput } from "@tablepipe/job";
import { getLogger } from "@tablepipe/job";
import cliProgress from "cli-progress";

const log = getLogger("tip-model");
const mb = (bytes: number): string => (bytes / 1_048_576).toFixed(1);

/**
 * A read-progress reporter: a progress bar (bytes, rows, rate) when `stream` is a terminal, else a plain log
 * line at most every 5 seconds. Call `done()` when the read ends.
 */
export function readProgressReporter(stream: CliOutput = process.stderr): {
  onProgress: (progress: ReadProgress) => void;
  done: () => void;
} {
  if (stream instanceof WriteStream && stream.isTTY) {
    const bar = new cliProgress.SingleBar(
      {
        stream,
        format: "reading {file} [{bar}] {percentage}% | {readMb}/{totalMb} MB | {rows} rows | {rate} rows/s",
        hideCursor: true,
        clearOnComplete: true,
      },
      cliProgress.Presets.shades_classic,
    );
    let started = 0;
    let active = false;
    let total = 0;
    return {
      onProgress: (p) => {
        const payload = (seconds: number) => ({
          file: p.file.split("/").at(-1),
          readMb: mb(p.bytesRead),
          totalMb: mb(p.totalBytes),
          rows: formatWhole(p.rows),
          rate: formatWhole(Math.round(p.rows / seconds)),
        });
        // Each read (the trips, the zones) reports its own total: a new total starts the bar over.
        if (!active || p.totalBytes !== total) {
          if (active) bar.stop();
          started = performance.now();
          total = p.totalBytes;
          bar.start(p.totalBytes, 0, payload(1));
          active = true;
        }
        bar.update(p.bytesRead, payload(Math.max((performance.now() - started) / 1000, 1e-3)));
        if (p.bytesRead >= p.totalBytes) {
          bar.stop(); // the read is done: the log lines that follow get the terminal back
          active = false;
        }
      },
      done: () => {
        if (active) bar.stop();
        active = false;
      },
    };
  }
  let last = -Infinity;
  return {
    onProgress: (p) => {
      const now = performance.now();
      if (now - last < 5000) return;
      last = now;
      const percent = p.totalBytes > 0 ? Math.round((100 * p.bytesRead) / p.totalBytes) : 100;
      log.info(`reading ${p.file}: ${percent}% (${mb(p.bytesRead)}/${mb(p.totalBytes)} MB, ${p.rows} rows)`);
    },
    done: () => {},
  };
}
