import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { openLogFile } from "@tablepipe/core/internal";
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  appendErrorToLogFile,
  closeLogFile,
  configureLogging,
  currentLogFormat,
  getLogger,
  isLogLevelEnabled,
  type LogStream,
  resetLogging,
} from "./logger";

/** A synchronous stream that keeps its lines. */
function capture(isTTY = false): LogStream & { lines: string[] } {
  const lines: string[] = [];
  return {
    isTTY,
    lines,
    write(chunk: string) {
      lines.push(...chunk.replace(/\n$/, "").split("\n"));
      return true;
    },
  };
}

const folder = mkdtempSync(join(tmpdir(), "tablepipe-log-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const localSixPm = new Date(2018, 1, 4, 18, 0, 30);
beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(localSixPm);
});
afterEach(() => {
  vi.useRealTimers();
  resetLogging();
});

describe("getLogger: pretty lines (default)", () => {
  it("writes `[2018-02-04 18:00:30] INFO name: message key=value` with the local wall clock", () => {
    const out = capture();
    configureLogging({ stream: out });
    getLogger("tip-model").info("Extracting datasets", { datasets: 2, source: "sample" });
    expect(out.lines).toEqual([
      "[2018-02-04 18:00:30] INFO tip-model: Extracting datasets datasets=2 source=sample",
    ]);
  });

  it("writes to stderr when no stream is configured", () => {
    const spy = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    try {
      getLogger("io").warn("dropped 3 rows");
      expect(spy).toHaveBeenCalledWith("[2018-02-04 18:00:30] WARN io: dropped 3 rows\n");
    } finally {
      spy.mockRestore();
    }
  });

  it("filters by level: info by default, debug on request, silent for none", () => {
    const out = capture();
    configureLogging({ stream: out });
    const log = getLogger("x");
    log.debug("hidden");
    log.info("shown");
    configureLogging({ level: "debug" });
    log.debug("now shown");
    configureLogging({ level: "error" });
    log.warn("hidden too");
    log.error("bad");
    configureLogging({ level: "silent" });
    log.error("silenced");
    expect(out.lines.map((l) => l.slice(22))).toEqual([
      "INFO x: shown",
      "DEBUG x: now shown",
      "ERROR x: bad",
    ]);
  });

  it("colours only when the stream is a TTY, unless told", () => {
    const tty = capture(true);
    configureLogging({ stream: tty });
    getLogger("x").info("m");
    expect(tty.lines[0]).toContain("\u001b[32mINFO\u001b[0m");
    configureLogging({ color: false });
    getLogger("x").info("m");
    expect(tty.lines[1]).toBe("[2018-02-04 18:00:30] INFO x: m");
    const pipe = capture(false);
    configureLogging({ stream: pipe, color: undefined });
    getLogger("x").info("m");
    expect(pipe.lines[0]).not.toContain("\u001b[");
  });

  it("shows error stacks below the line only at debug level", () => {
    const out = capture();
    configureLogging({ stream: out });
    const log = getLogger("job");
    log.error("stage failed", { err: new RangeError("out of range") });
    expect(out.lines).toEqual([
      '[2018-02-04 18:00:30] ERROR job: stage failed err="RangeError: out of range"',
    ]);
    configureLogging({ level: "debug" });
    log.error("stage failed", { error: new Error("plain") });
    expect(out.lines[1]).toBe('[2018-02-04 18:00:30] ERROR job: stage failed error="plain"');
    expect(out.lines[2]).toBe("    Error: plain");
    expect(out.lines[3]).toMatch(/^\s+at /);
  });
});

describe("getLogger: JSON lines", () => {
  it("writes one JSON object per line: level label, epoch ms time, name, fields, msg", () => {
    const out = capture();
    configureLogging({ stream: out, format: "json" });
    getLogger("tip-model").info("trained", { rmse: 3.5, model: "random-forest" });
    expect(out.lines).toHaveLength(1);
    expect(JSON.parse(out.lines[0] ?? "")).toEqual({
      level: "info",
      time: localSixPm.getTime(),
      name: "tip-model",
      rmse: 3.5,
      model: "random-forest",
      msg: "trained",
    });
    expect(currentLogFormat()).toBe("json");
  });

  it("serializes errors with type, message and stack", () => {
    const out = capture();
    configureLogging({ stream: out, format: "json" });
    getLogger("x").error("failed", { err: new TypeError("boom") });
    const record = JSON.parse(out.lines[0] ?? "");
    expect(record.err).toMatchObject({ type: "TypeError", message: "boom" });
    expect(record.err.stack).toContain("TypeError: boom");
  });

  it("renames fields that would overwrite level, time, name or msg", () => {
    const out = capture();
    configureLogging({ stream: out, format: "json" });
    getLogger("io").info("reading", { name: "taxi_trip_data", level: 2, msg: "m", time: 1 });
    expect(JSON.parse(out.lines[0] ?? "")).toMatchObject({
      name: "io",
      name_: "taxi_trip_data",
      level: "info",
      level_: 2,
      msg: "reading",
      msg_: "m",
      time_: 1,
    });
  });

  it("keeps a message with printf-like characters as written", () => {
    const out = capture();
    configureLogging({ stream: out, format: "json" });
    getLogger("x").info("100% done, %s %d");
    expect(JSON.parse(out.lines[0] ?? "").msg).toBe("100% done, %s %d");
  });
});

describe("configureLogging", () => {
  it("affects loggers created before and after it", () => {
    const before = getLogger("before");
    const out = capture();
    configureLogging({ stream: out, format: "json" });
    const after = getLogger("after");
    before.info("one");
    after.info("two");
    expect(out.lines.map((l) => JSON.parse(l).name)).toEqual(["before", "after"]);
    configureLogging({ format: "pretty" });
    before.info("three");
    expect(out.lines[2]).toBe("[2018-02-04 18:00:30] INFO before: three");
  });

  it("changes only the options it names", () => {
    const out = capture();
    configureLogging({ stream: out, level: "warn" });
    configureLogging({ format: "json" });
    getLogger("x").info("hidden");
    getLogger("x").warn("shown");
    expect(out.lines).toHaveLength(1);
    expect(isLogLevelEnabled("warn")).toBe(true);
    expect(isLogLevelEnabled("info")).toBe(false);
  });

  it("appends JSON lines to a file (creating its folder) while the stream gets pretty lines", () => {
    const file = join(folder, "nested", "run.log");
    const out = capture();
    configureLogging({ stream: out, file });
    getLogger("x").info("first", { n: 1 });
    configureLogging({ file });
    getLogger("x").info("second");
    resetLogging();
    const lines = readFileSync(file, "utf8").trimEnd().split("\n");
    expect(lines.map((l) => JSON.parse(l))).toEqual([
      { level: "info", time: localSixPm.getTime(), name: "x", n: 1, msg: "first" },
      { level: "info", time: localSixPm.getTime(), name: "x", msg: "second" },
    ]);
    expect(out.lines).toEqual([
      "[2018-02-04 18:00:30] INFO x: first n=1",
      "[2018-02-04 18:00:30] INFO x: second",
    ]);
  });

  it("tells the output-folder checks which file it appends to, until it closes it", () => {
    const file = join(folder, "told", "run.log");
    configureLogging({ stream: capture(), file, fileLabel: "--log-file" });
    configureLogging({ level: "warn" }); // the same file, reopened
    expect(openLogFile()).toEqual({ path: file, label: "--log-file" });
    getLogger("x").warn("kept");
    closeLogFile();
    expect(openLogFile()).toBeUndefined();
    getLogger("x").warn("not in the file");
    appendErrorToLogFile("x", "nowhere");
    configureLogging({ file });
    expect(openLogFile()).toEqual({ path: file, label: "log file" });
    appendErrorToLogFile("x", "failed");
    resetLogging();
    expect(openLogFile()).toBeUndefined();
    const lines = readFileSync(file, "utf8")
      .trimEnd()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => [l.level, l.msg])).toEqual([
      ["warn", "kept"],
      ["error", "failed"],
    ]);
  });

  it("throws at once when the file cannot be opened", () => {
    const blocker = join(folder, "blocker");
    writeFileSync(blocker, "");
    expect(() => configureLogging({ file: join(blocker, "x.log") })).toThrow(/ENOTDIR/);
  });

  it("resetLogging goes back to info, pretty, stderr", () => {
    configureLogging({ level: "debug", format: "json" });
    resetLogging();
    expect(isLogLevelEnabled("debug")).toBe(false);
    expect(currentLogFormat()).toBe("pretty");
  });
});

describe("LoggingOptions.stream", () => {
  it("takes Node writable streams", () => {
    const stream = new PassThrough();
    configureLogging({ stream });
    getLogger("node").info("through a PassThrough");
    expect(String(stream.read())).toBe("[2018-02-04 18:00:30] INFO node: through a PassThrough\n");
    configureLogging({ stream: process.stderr, level: "silent" });
    getLogger("node").error("nothing");
  });
});

describe("Logger.child", () => {
  it("adds its fields to every line and keeps the name", () => {
    const out = capture();
    configureLogging({ stream: out });
    const stage = getLogger("tip-model").child({ stage: "train" });
    stage.info("started", { rows: 10 });
    stage.child({ fold: 2 }).info("fold done");
    expect(out.lines).toEqual([
      "[2018-02-04 18:00:30] INFO tip-model: started stage=train rows=10",
      "[2018-02-04 18:00:30] INFO tip-model: fold done stage=train fold=2",
    ]);
  });
});
