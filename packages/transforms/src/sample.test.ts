import { pipe, schemaOf, typedTable } from "@tablepipe/core";
import * as aq from "arquero";
import { describe, expect, it } from "vitest";
import { rowDraws } from "./internal/row-draws";
import { sample } from "./sample";

const ids = (n: number) => aq.table({ id: Array.from({ length: n }, (_, i) => i) });

describe("sample", () => {
  it("keeps the same rows for the same seed, in input order, and other rows for another seed", () => {
    const t = ids(1000);
    const a = sample(t, { fraction: 0.1, seed: 7 }).array("id") as number[];
    expect(sample(t, { fraction: 0.1, seed: 7 }).array("id")).toEqual(a);
    expect([...a].sort((x, y) => x - y)).toEqual(a);
    expect(sample(t, { fraction: 0.1, seed: 8 }).array("id")).not.toEqual(a);
    expect(sample(t, { n: 10 }).array("id")).toEqual(sample(t, { n: 10, seed: 42 }).array("id"));
  });

  it("keeps about `fraction` of the rows, each row as likely as another (within four standard deviations)", () => {
    const n = 20_000;
    for (const fraction of [0.01, 0.3, 0.9]) {
      const kept = sample(ids(n), { fraction, seed: 3 }).array("id") as number[];
      const sd = Math.sqrt(n * fraction * (1 - fraction));
      expect(Math.abs(kept.length - n * fraction)).toBeLessThan(4 * sd);
      // the first and second halves of the rows are sampled alike
      const early = kept.filter((id) => id < n / 2).length;
      expect(Math.abs(early - kept.length / 2)).toBeLessThan(4 * Math.sqrt(kept.length / 4));
    }
    expect(sample(ids(50), { fraction: 1 }).numRows()).toBe(50);
  });

  it("keeps exactly n rows (all when there are fewer), each position about as often over many seeds", () => {
    expect(sample(ids(100), { n: 7, seed: 1 }).numRows()).toBe(7);
    expect(sample(ids(5), { n: 7 }).array("id")).toEqual([0, 1, 2, 3, 4]);
    expect(sample(ids(5), { n: 0 }).numRows()).toBe(0);
    const counts = new Array<number>(10).fill(0);
    const seeds = 2000;
    for (let seed = 0; seed < seeds; ++seed) {
      for (const id of sample(ids(10), { n: 3, seed }).array("id") as number[]) counts[id]! += 1;
    }
    // each of 10 positions is kept with probability 3/10: 600 of 2000 seeds
    const sd = Math.sqrt(seeds * 0.3 * 0.7);
    for (const count of counts) expect(Math.abs(count - 600)).toBeLessThan(4 * sd);
  });

  it("samples the rows a filtered or ordered table shows, and keeps the schema", () => {
    const typed = typedTable(ids(40), { id: { type: "int", nullable: false } });
    const out = pipe(typed).transform(sample, { n: 5, seed: 2 }).run().table;
    expect(schemaOf(out)).toEqual(schemaOf(typed));
    const evens = ids(40).filter((d: { id: number }) => d.id % 2 === 0);
    const kept = sample(evens, { fraction: 0.5, seed: 9 }).array("id") as number[];
    expect(kept.every((id) => id % 2 === 0)).toBe(true);
    // the draws are by position among the rows shown: the 20 even rows draw as 20 rows do
    const positions = Array.from(rowDraws(20, 9), (d, p) => (d < 0.5 * 2 ** 32 ? p * 2 : -1));
    expect(kept).toEqual(positions.filter((id) => id >= 0));
  });

  it("gives every position its own draw, whatever the seed (negative and past 2^32 too)", () => {
    for (const seed of [0, -1, 2 ** 40 + 3, Number.MAX_SAFE_INTEGER]) {
      const draws = rowDraws(5000, seed);
      expect(new Set(draws).size).toBe(5000);
    }
    expect(rowDraws(100, 2 ** 40)).not.toEqual(rowDraws(100, 0));
  });

  it("refuses neither or both of fraction and n, and values out of range, naming them", () => {
    const t = ids(3);
    expect(() => sample(t, {})).toThrow('sample: expected exactly one of "fraction" and "n", got neither');
    expect(() => sample(t, { fraction: 0.5, n: 2 })).toThrow(
      'sample: param "n": expected exactly one of "fraction" and "n", got both',
    );
    expect(() => sample(t, { fraction: 0 })).toThrow(
      'sample: param "fraction": expected a fraction above 0 and at most 1',
    );
    expect(() => sample(t, { fraction: 1.5 })).toThrow(
      'sample: param "fraction": expected a fraction above 0 and at most 1',
    );
    expect(() => sample(t, { n: 2.5 })).toThrow('sample: param "n"');
    expect(() => sample(t, { n: -1 })).toThrow(
      'sample: param "n": expected a whole number of rows, 0 or more',
    );
    expect(() => sample(t, { n: 1, seed: 0.5 })).toThrow('sample: param "seed"');
  });
});
