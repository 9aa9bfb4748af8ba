/** The group-by and join samples (see ops-spec.ts): generated once from a seed, cached like the trips. */

import { once } from "node:events";
import { createWriteStream, existsSync } from "node:fs";
import { mkdir, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { DIM_COLUMNS, FACT_COLUMNS, OPS_FILES, opsShape } from "./ops-spec";

const MARKER = ".complete";
const SEED = 42;

/** mulberry32: a small seeded generator of uniform numbers in [0, 1). */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A number with two decimals in [0, 1000), as text. */
const money = (random: () => number): string => (Math.floor(random() * 100_000) / 100).toFixed(2);

async function writeLines(path: string, header: string, count: number, line: (i: number) => string) {
  const out = createWriteStream(path);
  const batch: string[] = [header];
  for (let i = 0; i < count; ++i) {
    batch.push(line(i));
    if (batch.length >= 65_536) {
      if (!out.write(`${batch.join("\n")}\n`)) await once(out, "drain");
      batch.length = 0;
    }
  }
  if (batch.length > 0) out.write(`${batch.join("\n")}\n`);
  out.end();
  await once(out, "finish");
}

/** The folder holding the ops sample of `rows` facts; generated (seed 42) unless a complete one is cached. */
export async function ensureOpsSample(
  cache: string,
  rows: number,
  log: (line: string) => void,
): Promise<{ dir: string; bytes: number }> {
  const dir = join(cache, "ops", String(rows));
  if (!existsSync(join(dir, MARKER))) {
    log(`generating ${rows.toLocaleString("en-US")} facts for the group-by and join into ${dir} (once)`);
    await mkdir(dir, { recursive: true });
    const { groupKeys, dimRows, joinKeyRange } = opsShape(rows);
    const random = seeded(SEED);
    await writeLines(join(dir, OPS_FILES.facts), FACT_COLUMNS.join(","), rows, (i) => {
      const gkey = Math.floor(random() * groupKeys);
      const jkey = Math.floor(random() * joinKeyRange);
      return `${i},${gkey},${jkey},${money(random)},${1 + Math.floor(random() * 100)}`;
    });
    // the dimension keys 0..dimRows-1 in a shuffled order (Fisher-Yates)
    const keys = Int32Array.from({ length: dimRows }, (_, i) => i);
    for (let i = dimRows - 1; i > 0; --i) {
      const j = Math.floor(random() * (i + 1));
      [keys[i], keys[j]] = [keys[j] as number, keys[i] as number];
    }
    await writeLines(join(dir, OPS_FILES.dims), DIM_COLUMNS.join(","), dimRows, (i) => {
      const key = keys[i] as number;
      return `${key},item-${key},${money(random)}`;
    });
    await writeFile(join(dir, MARKER), `${rows}\n`);
  }
  return { dir, bytes: (await stat(join(dir, OPS_FILES.facts))).size };
}
