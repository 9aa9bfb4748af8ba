/** Helpers of the Spark tests: a file's session and folder, the Spark engine of the shared parity suites. */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ParityEngine } from "@tablepipe/sql/test-support";
import { afterAll, beforeAll, inject } from "vitest";
import { runOnSpark } from "./engine/run-on-spark";
import { SparkSession } from "./engine/spark-session";

/** A test file's Spark engine, and whether a server runs (without one the suites are declared, not run). */
export interface SparkParityEngine {
  readonly engine: ParityEngine;
  readonly enabled: boolean;
}

/**
 * The Spark engine of a test file's shared parity suites, on one session of the Spark Connect server the global
 * setup found (`pnpm spark:start`), opened before the file's tests and closed after them; `runs`: cases per property.
 * @example const { engine, enabled } = sparkParityEngine(1); describeEncodeFlagParity(engine, enabled);
 */
export function sparkParityEngine(runs: number): SparkParityEngine {
  const remote = inject("sparkRemote");
  let session: SparkSession | undefined;
  beforeAll(async () => {
    if (remote !== "") session = await SparkSession.connect(remote);
  });
  afterAll(async () => {
    await session?.close();
  });
  return {
    enabled: remote !== "",
    engine: {
      name: "spark",
      runs,
      timeoutMs: 180_000,
      run: (p, columnTypes) => runOnSpark(p, { columnTypes, remote: session as SparkSession }),
    },
  };
}

/** A test file's Spark session and temporary folder (see {@link sparkTestSession}). */
export interface SparkTestSession {
  /** The Spark Connect server the global setup found (`pnpm spark:start`), `""` when none runs. */
  readonly remote: string;
  /** The session, opened before the file's tests (read it inside a test that runs only with a server). */
  readonly session: SparkSession;
  /** The file's temporary folder, removed after its tests. */
  readonly folder: string;
  /** Write `text` to a file of the folder; returns its path. */
  file(name: string, text: string): Promise<string>;
}

/**
 * One session of the Spark Connect server and one temporary folder (`tablepipe-<name>-…`) for a test file's
 * tests: opened before them, closed and removed after them; nothing is opened when no server runs.
 * @example const spark = sparkTestSession("spark-files"); ... await runOnSpark(p, { remote: spark.session });
 */
export function sparkTestSession(name: string): SparkTestSession {
  const remote = inject("sparkRemote");
  let session: SparkSession | undefined;
  let folder: string | undefined;
  beforeAll(async () => {
    if (remote === "") return;
    session = await SparkSession.connect(remote);
    folder = await mkdtemp(join(tmpdir(), `tablepipe-${name}-`));
  });
  afterAll(async () => {
    await session?.close();
    if (folder !== undefined) await rm(folder, { recursive: true, force: true });
  });
  const opened = <T>(value: T | undefined, what: string): T => {
    if (value === undefined)
      throw new Error(`no Spark ${what}: read it inside a test that runs with a server`);
    return value;
  };
  return {
    remote,
    get session() {
      return opened(session, "session");
    },
    get folder() {
      return opened(folder, "test folder");
    },
    async file(file, text) {
      const path = join(opened(folder, "test folder"), file);
      await writeFile(path, text);
      return path;
    },
  };
}
