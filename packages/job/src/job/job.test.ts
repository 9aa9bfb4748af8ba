import type { PipeEngine, Table } from "@tablepipe/core";
import { defineTransform, needs, pipe } from "@tablepipe/core";
import * as aq from "arquero";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import * as z from "zod";
import { configureLogging, resetLogging } from "../log/logger";
import { Job, MissingTableError } from "./job";

const keepBelow = defineTransform({
  name: "keepBelow",
  columns: { column: needs("x") },
  params: z.object({ max: z.number() }),
  apply: (table, { column, max }) => table.filter(aq.escape((d: Record<string, number>) => d[column]! < max)),
});

interface Config {
  max: number;
}

class CountingJob extends Job<Config, { source: Table; kept: Table }> {
  trained = 0;

  async run(): Promise<void> {
    await this.extract();
    await this.transform();
    await this.train();
  }

  extract(): Promise<void> {
    return this.stage("extract", () => {
      this.tables.source = aq.table({ x: [1, 2, 3, 4] });
    });
  }

  transform(): Promise<void> {
    return this.stage("transform", async () => {
      this.tables.kept = await this.runPipe(
        "transform",
        pipe(this.table("source")).transform(keepBelow, { max: this.config.max }),
      );
    });
  }

  train(): Promise<number> {
    return this.stage("train", () => this.fit());
  }

  fit(): number {
    this.trained += 1;
    return this.table("kept").numRows();
  }
}

/** A maker of steps that note their name in `ran` when they run, then run `then`. */
function notingStep(ran: string[]) {
  return (name: string, then: () => void = () => {}) =>
    defineTransform({
      name,
      apply: (table) => {
        ran.push(name);
        then();
        return table;
      },
    });
}

let lines: string[] = [];
beforeEach(() => {
  lines = [];
  configureLogging({
    stream: { write: (chunk: string) => lines.push(...chunk.trimEnd().split("\n")) },
    color: false,
  });
});
afterEach(() => resetLogging());

describe("Job", () => {
  it("runs its stages in order, keeping named tables for inspection", async () => {
    const job = new CountingJob({ max: 3 });
    await job.run();
    expect(job.table("kept").array("x")).toEqual([1, 2]);
    expect(job.history.map((h) => h.stage)).toEqual(["extract", "transform", "train"]);
    expect(job.history[1]?.tables).toEqual({ kept: 2 });
  });

  it("logs each stage's start, duration and row counts, and the pipe as a funnel", async () => {
    const job = new CountingJob({ max: 3 });
    await job.run();
    const text = lines.join("\n");
    expect(text).toMatch(/INFO CountingJob: extract: started/);
    expect(text).toMatch(/INFO CountingJob: extract: done in \d+ ms \(source 4 rows\)/);
    expect(text).toMatch(/INFO CountingJob: keepBelow {2}4 → 2 {2}\(-50\.0%\) {2}\d+ ms/);
    expect(job.traces.transform?.[0]).toMatchObject({ step: "keepBelow", rowsIn: 4, rowsOut: 2 });
  });

  it("reruns one stage alone after a config change", async () => {
    const job = new CountingJob({ max: 3 });
    await job.run();
    job.config.max = 10;
    await job.transform();
    expect(job.table("kept").numRows()).toBe(4);
    expect(await job.train()).toBe(4);
  });

  it("lets an instance replace a method for an experiment", async () => {
    const job = new CountingJob({ max: 3 });
    await job.run();
    job.fit = () => -1;
    expect(await job.train()).toBe(-1);
  });

  it("stops at the end of the stage its signal was aborted in, logging where, with the signal's reason", async () => {
    const controller = new AbortController();
    const job = new CountingJob({ max: 3 }, { signal: controller.signal });
    const reason = new Error("interrupted by SIGINT");
    job.fit = () => {
      controller.abort(reason); // during a synchronous stage: noticed when it ends
      return 0;
    };
    await expect(job.run()).rejects.toBe(reason);
    const text = lines.join("\n");
    expect(text).toMatch(
      /INFO CountingJob: train: started\n.*WARN CountingJob: train: stopped after \d+ ms: interrupted by SIGINT$/,
    );
    expect(text).not.toContain("train: done");
    expect(job.history.map((h) => h.stage)).toEqual(["extract", "transform"]);
  });

  it("stops between the steps of a pipe run stepwise, and a stage stopped before it starts does no work", async () => {
    const controller = new AbortController();
    const ran: string[] = [];
    const noting = notingStep(ran);
    class StepwiseJob extends CountingJob {
      override transform(): Promise<void> {
        return this.stage("transform", async () => {
          const { table } = await pipe(this.table("source"))
            .transform(noting("first"))
            .transform(noting("aborting", () => controller.abort("stop")))
            .transform(noting("second"))
            .runStepwise(() => this.checkpoint());
          this.tables.kept = table;
        });
      }
    }
    const job = new StepwiseJob({ max: 3 }, { signal: controller.signal });
    await expect(job.run()).rejects.toBe("stop");
    expect(ran).toEqual(["first", "aborting"]);
    expect(job.tables.kept).toBeUndefined();
    expect(lines.join("\n")).toMatch(/WARN StepwiseJob: transform: stopped after \d+ ms: stop$/);
    await expect(job.train()).rejects.toBe("stop");
    expect(job.trained).toBe(0);
  });

  it("stops between the steps of a pipe that runPipe runs in process", async () => {
    const controller = new AbortController();
    const ran: string[] = [];
    const noting = notingStep(ran);
    class InProcessJob extends CountingJob {
      override transform(): Promise<void> {
        return this.stage("transform", async () => {
          this.tables.kept = await this.runPipe(
            "transform",
            pipe(this.table("source"))
              .transform(noting("first"))
              .transform(noting("aborting", () => controller.abort("stop")))
              .transform(noting("second")),
          );
        });
      }
    }
    const job = new InProcessJob({ max: 3 }, { signal: controller.signal });
    await expect(job.run()).rejects.toBe("stop");
    expect(ran).toEqual(["first", "aborting"]);
    expect(job.tables.kept).toBeUndefined();
    expect(lines.join("\n")).toMatch(/WARN InProcessJob: transform: stopped after \d+ ms: stop$/);
  });

  it("logs which steps ran where after a pipe ran on an engine, under the pipe's name", async () => {
    const placed: PipeEngine<{ placement: { step: string; engine: string }[] }> = {
      name: "fake",
      runPipe: async (p) => ({
        ...p.run(),
        placement: [
          { step: "keepBelow", engine: "fake" },
          { step: "later", engine: "in-process" },
        ],
      }),
    };
    const silent: PipeEngine = { name: "quiet", runPipe: async (p) => p.run() };
    let engine: PipeEngine = placed;
    class EngineJob extends CountingJob {
      override transform(): Promise<void> {
        return this.stage("transform", async () => {
          const p = pipe(this.table("source")).transform(keepBelow, { max: this.config.max });
          this.tables.kept = await this.runPipe("prepare", p, { engine });
        });
      }
    }
    await new EngineJob({ max: 3 }).run();
    expect(lines).toContainEqual(
      expect.stringMatching(/INFO EngineJob: prepare: on engine fake: keepBelow; in process: later$/),
    );
    engine = silent;
    await new EngineJob({ max: 3 }).run();
    expect(lines).toContainEqual(
      expect.stringMatching(
        /INFO EngineJob: prepare: ran on engine quiet \(it does not say which steps ran where\)$/,
      ),
    );
  });

  it("refuses, before running, runPipe options without an engine (JavaScript, a config's options)", async () => {
    const ran: string[] = [];
    class NoEngineJob extends CountingJob {
      override transform(): Promise<void> {
        return this.stage("transform", async () => {
          const p = pipe(this.table("source")).transform(notingStep(ran)("first"));
          this.tables.kept = await this.runPipe("prepare", p, {} as { engine: PipeEngine });
        });
      }
    }
    await expect(new NoEngineJob({ max: 3 }).run()).rejects.toThrow(
      'runPipe("prepare", pipe, options): options.engine must be an engine (duckdb(), spark(remote)), got none; to run the pipe in process, leave the options out: runPipe("prepare", pipe)',
    );
    expect(ran).toEqual([]);
  });

  it("runs a pipe on an engine with the job's signal, keeping its trace", async () => {
    const controller = new AbortController();
    const seen: (AbortSignal | undefined)[] = [];
    const engine: PipeEngine = {
      name: "fake",
      runPipe: async (p, run) => {
        seen.push(run?.signal);
        return p.run();
      },
    };
    class EngineJob extends CountingJob {
      override transform(): Promise<void> {
        return this.stage("transform", async () => {
          const p = pipe(this.table("source")).transform(keepBelow, { max: this.config.max });
          this.tables.kept = await this.runPipe("transform", p, { engine });
        });
      }
    }
    const job = new EngineJob({ max: 3 }, { signal: controller.signal });
    await job.run();
    expect(seen).toEqual([controller.signal]);
    expect(job.table("kept").numRows()).toBe(2);
    expect(job.traces.transform?.map((e) => e.step)).toEqual(["keepBelow"]);
  });

  it("names the missing table and the tables present", async () => {
    const job = new CountingJob({ max: 3 });
    await job.extract();
    expect(() => job.table("kept")).toThrow(MissingTableError);
    expect(() => job.table("kept")).toThrow('table "kept" does not exist yet (tables so far: source)');
  });
});
