/**
 * One timed run of the group-by, join or CSV-write benchmark on one engine, in its own process (clean peak RSS):
 * `node bench/dist/ops-job.js ENGINE OP DATA_DIR`; prints one JSON line ({@link OpsReport}).
 */

import { rm } from "node:fs/promises";
import { loadEngine, OPS_ENGINES, type OpsEngineName } from "./ops/engine";
import { OPS, type Op, type OpsReport, writtenCsvPath } from "./ops-spec";

async function main(): Promise<void> {
  const [engineName, op, dir] = process.argv.slice(2);
  if (
    !(OPS_ENGINES as readonly string[]).includes(engineName ?? "") ||
    !(OPS as readonly string[]).includes(op ?? "") ||
    dir === undefined
  ) {
    throw new Error(`usage: node ops-job.js ${OPS_ENGINES.join("|")} ${OPS.join("|")} DATA_DIR`);
  }
  const engine = await loadEngine(engineName as OpsEngineName);
  let started = performance.now();
  const loaded = await engine.load(dir, op as Op);
  const loadSeconds = (performance.now() - started) / 1000;
  try {
    started = performance.now();
    const cpu = process.cpuUsage();
    const result = await engine.run(op as Op, loaded);
    const opSeconds = (performance.now() - started) / 1000;
    const used = process.cpuUsage(cpu);
    const opCpuSeconds = (used.user + used.system) / 1e6;
    const report: OpsReport = {
      engine: engineName as string,
      op: op as Op,
      loadSeconds,
      opSeconds,
      opCpuSeconds,
      outputRows: await engine.rows(result),
    };
    process.stdout.write(`${JSON.stringify(report)}\n`);
  } finally {
    // the CSV a writecsv run wrote (nothing for the other operations)
    await rm(writtenCsvPath(engineName as string), { force: true });
  }
}

await main();
