/**
 * Are the group-by, join and CSV-write results of the three engines equal? `node bench/dist/ops-check.js OP
 * DATA_DIR` runs OP in every engine in this one process and compares the results row by row, matched by their
 * key (`gkey` for the group-by, the fact `id` for the join, where each fact joins at most one dimension row, and
 * for the written CSV, which each engine reads back itself), so row order does not matter. Counts, mins, maxes and joined values must be equal exactly; sums, means and
 * quantiles within a relative 1e-9 (engines add in different orders and interpolate with different formulas). Prints one JSON line: {@link OpsCheck}.
 */

import { rm } from "node:fs/promises";
import { loadEngine, OPS_ENGINES } from "./ops/engine";
import type { ResultColumns } from "./ops/types";
import { OPS, type Op, writtenCsvPath } from "./ops-spec";

/** The verdict of one engine against tablepipe's result. */
export interface OpsCheckVerdict {
  rows: number;
  referenceRows: number;
  /** Rows whose key is missing on one side, or whose values differ. */
  differing: number;
  examples: string[];
  equal: boolean;
}

/** What ops-check prints. */
export interface OpsCheck {
  op: Op;
  verdicts: Record<string, OpsCheckVerdict>;
}

const APPROXIMATE = new Set(["total", "mean_value", "median_value", "p90_value"]);

function close(a: number | string | null, b: number | string | null, approximate: boolean): boolean {
  if (a === b) return true;
  if (!approximate || typeof a !== "number" || typeof b !== "number") return false;
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

/** Row index of each key value (keys are whole numbers from 0). */
function byKey(keys: ArrayLike<number | string | null>): Int32Array {
  let max = -1;
  for (let i = 0; i < keys.length; ++i) max = Math.max(max, Number(keys[i]));
  const index = new Int32Array(max + 1).fill(-1);
  for (let i = 0; i < keys.length; ++i) {
    const k = Number(keys[i]);
    if (index[k] !== -1) throw new Error(`key ${k} appears twice in one result`);
    index[k] = i;
  }
  return index;
}

function compare(reference: ResultColumns, other: ResultColumns, key: string): OpsCheckVerdict {
  const refKeys = reference[key];
  const otherKeys = other[key];
  if (refKeys === undefined || otherKeys === undefined) throw new Error(`a result has no column "${key}"`);
  const names = Object.keys(reference);
  const examples: string[] = [];
  const missingColumns = names.filter((name) => other[name] === undefined);
  if (missingColumns.length > 0) examples.push(`columns missing: ${missingColumns.join(", ")}`);
  const otherIndex = byKey(otherKeys);
  let differing = 0;
  let matched = 0;
  for (let i = 0; i < refKeys.length; ++i) {
    const j: number = otherIndex[Number(refKeys[i])] ?? -1;
    if (j < 0) {
      differing++;
      if (examples.length < 3) examples.push(`${key} ${refKeys[i]} only in tablepipe's result`);
      continue;
    }
    matched++;
    const bad = names.find(
      (name) =>
        other[name] !== undefined &&
        !close(reference[name]?.[i] ?? null, other[name]?.[j] ?? null, APPROXIMATE.has(name)),
    );
    if (bad !== undefined) {
      differing++;
      if (examples.length < 3)
        examples.push(`${key} ${refKeys[i]}: ${bad} ${reference[bad]?.[i]} vs ${other[bad]?.[j]}`);
    }
  }
  differing += otherKeys.length - matched;
  return {
    rows: otherKeys.length,
    referenceRows: refKeys.length,
    differing,
    examples,
    equal: differing === 0 && missingColumns.length === 0 && otherKeys.length === refKeys.length,
  };
}

async function main(): Promise<void> {
  const [op, dir] = process.argv.slice(2);
  if (!(OPS as readonly string[]).includes(op ?? "") || dir === undefined) {
    throw new Error(`usage: node ops-check.js ${OPS.join("|")} DATA_DIR`);
  }
  const key = op === "groupby" || op === "quantiles" ? "gkey" : "id"; // the group measures: one row per fact
  const results: Record<string, ResultColumns> = {};
  for (const name of OPS_ENGINES) {
    const engine = await loadEngine(name);
    try {
      results[name] = await engine.columns(
        op as Op,
        await engine.run(op as Op, await engine.load(dir, op as Op)),
      );
    } finally {
      await rm(writtenCsvPath(name), { force: true });
    }
  }
  const reference = results.tablepipe as ResultColumns;
  const verdicts: Record<string, OpsCheckVerdict> = {};
  for (const name of OPS_ENGINES.filter((e) => e !== "tablepipe")) {
    verdicts[name] = compare(reference, results[name] as ResultColumns, key);
  }
  const check: OpsCheck = { op: op as Op, verdicts };
  process.stdout.write(`${JSON.stringify(check)}\n`);
}

await main();
