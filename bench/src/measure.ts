/**
 * Run a command as a child process and measure it from outside: wall time and peak resident memory
 * (`/usr/bin/time -v` when present, else VmHWM polled from /proc/<pid>/status), with its stdout and stderr.
 */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** What one measured process did. */
export interface Measured {
  /** Wall-clock seconds from spawn to exit. */
  seconds: number;
  /** Peak resident set size in bytes (0 when it could not be measured). */
  peakRssBytes: number;
  /** Exit code, or null when killed by a signal. */
  exitCode: number | null;
  /** True when the run was killed for exceeding the time limit. */
  timedOut: boolean;
  stdout: string;
  stderr: string;
}

/** Options of {@link measure}. */
export interface MeasureOptions {
  /** Kill the process after this many seconds. */
  timeoutSeconds: number;
  /** Working folder of the child. */
  cwd: string;
  /** Extra environment variables. */
  env?: Readonly<Record<string, string>>;
}

const GNU_TIME = "/usr/bin/time";
const POLL_MS = 50;

function parseGnuTime(report: string): number {
  const match = /Maximum resident set size \(kbytes\): (\d+)/.exec(report);
  return match ? Number(match[1]) * 1024 : 0;
}

async function readHighWaterMark(pid: number): Promise<number> {
  try {
    const status = await readFile(`/proc/${pid}/status`, "utf8");
    const match = /VmHWM:\s+(\d+) kB/.exec(status);
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0; // the process is gone
  }
}

/**
 * Run `command args` to completion and measure it. The child's own output is collected, never echoed.
 * @example const { seconds, peakRssBytes } = await measure("node", ["dist/duckdb-job.js", dir, out], { timeoutSeconds: 600, cwd })
 */
export async function measure(
  command: string,
  args: readonly string[],
  options: MeasureOptions,
): Promise<Measured> {
  const useGnuTime = existsSync(GNU_TIME);
  const scratch = await mkdtemp(join(tmpdir(), "tablepipe-bench-"));
  const timeReport = join(scratch, "time.txt");
  const [file, argv] = useGnuTime
    ? [GNU_TIME, ["-v", "-o", timeReport, command, ...args]]
    : [command, [...args]];
  const started = performance.now();
  const child = spawn(file, argv, {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  child.stdout.on("data", (chunk: Buffer) => out.push(chunk));
  child.stderr.on("data", (chunk: Buffer) => err.push(chunk));
  let polledPeak = 0;
  const poll = useGnuTime
    ? undefined
    : setInterval(() => {
        if (child.pid !== undefined) {
          void readHighWaterMark(child.pid).then((v) => {
            polledPeak = Math.max(polledPeak, v);
          });
        }
      }, POLL_MS);
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    child.kill("SIGKILL");
  }, options.timeoutSeconds * 1000);
  const exitCode = await new Promise<number | null>((done, fail) => {
    child.on("error", fail);
    child.on("close", (code) => done(code));
  });
  const seconds = (performance.now() - started) / 1000;
  clearTimeout(timer);
  if (poll !== undefined) clearInterval(poll);
  let peakRssBytes = polledPeak;
  if (useGnuTime) peakRssBytes = parseGnuTime(await readFile(timeReport, "utf8").catch(() => ""));
  await rm(scratch, { recursive: true, force: true });
  return {
    seconds,
    peakRssBytes,
    exitCode,
    timedOut,
    stdout: Buffer.concat(out).toString("utf8"),
    stderr: Buffer.concat(err).toString("utf8"),
  };
}
