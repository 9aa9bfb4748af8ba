import { defineTransform, needsEach } from "@tablepipe/core";
import { planSteps } from "@tablepipe/core/internal";
import * as aq from "arquero";
import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import * as z from "zod";
import { CandidateRows, candidatePair, candidateSettings } from "./candidate-rows";

type Row = { g: number; at: number; s: string | null; v: number };

const dedupe = defineTransform({
  name: "dedupe",
  dropsDuplicateRows: () => true,
  apply: (table) => table.dedupe(),
});

/** What both first-N steps below declare: the first `n` rows of each group `g`. */
const firstNDeclared = {
  name: "firstN",
  columns: { keys: needsEach(["g"]) },
  params: z.object({ n: z.int() }),
  keepsFirstRowsPerGroup: () => true,
};

/** A plain reference first-N: per group, the n smallest rows by `at`, then s (null first), then v; input order. */
const firstN = defineTransform({
  ...firstNDeclared,
  apply: (table, { n }) => {
    const rows = table.objects() as Row[];
    const text = (s: string | null) => (s === null ? "" : `~${s}`);
    const order = (a: Row, b: Row) => a.at - b.at || text(a.s).localeCompare(text(b.s)) || a.v - b.v;
    const keep = new Set<number>();
    const groups = new Map<number, number[]>();
    rows.forEach((row, i) => {
      groups.set(row.g, [...(groups.get(row.g) ?? []), i]);
    });
    for (const members of groups.values()) {
      for (const i of [...members].sort((a, b) => order(rows[a]!, rows[b]!)).slice(0, n)) keep.add(i);
    }
    const kept = rows.filter((_, i) => keep.has(i));
    return kept.length > 0 ? aq.from(kept) : table.slice(0, 0); // aq.from([]) has no columns
  },
});

/** The same first-N, able to run with the dedupe as one (its keepFirstDistinctRows: the two, one by one). */
const firstDistinctN = defineTransform({
  ...firstNDeclared,
  keepFirstDistinctRows: (table, { n }) => {
    const distinct = dedupe(table);
    return { table: firstN(distinct, { n }), distinctRows: distinct.numRows() };
  },
  apply: (table, { n }) => firstN(table, { n }),
});

const columns = ["g", "at", "s", "v"];
const plan = (n: number, pairFirstN: typeof firstN = firstN) =>
  planSteps(columns, [
    { transform: dedupe, params: {}, label: undefined },
    { transform: pairFirstN, params: { n }, label: undefined },
  ]);

const row = fc.record({
  g: fc.integer({ min: 0, max: 4 }),
  at: fc.integer({ min: 0, max: 6 }),
  s: fc.option(fc.constantFrom("a", "b", "c"), { nil: null }),
  v: fc.integer({ min: 0, max: 2 }),
});

describe("CandidateRows", () => {
  it.each([
    ["one after the other", firstN],
    ["as one (keepFirstDistinctRows)", firstDistinctN],
  ])(
    "streamed in batches and compacted, then run once more, gives what the pair gives on every row: the pair run %s",
    (_, pairFirstN) => {
      fc.assert(
        fc.property(
          fc.array(row, { maxLength: 300 }),
          fc.integer({ min: 1, max: 40 }),
          fc.integer({ min: 1, max: 3 }),
          fc.integer({ min: 1, max: 30 }),
          (rows, batch, n, minPending) => {
            const steps = plan(n, pairFirstN);
            const pair = candidatePair(columns, [], steps);
            expect(pair).toBeDefined();
            const candidates = new CandidateRows(pair!, columns, minPending);
            for (let start = 0; start < rows.length; start += batch) {
              // as the streamed runner feeds it: every row seen, then cut, then held
              const part = aq.from(rows.slice(start, start + batch), columns);
              candidates.see(part);
              candidates.append(candidates.cut(part));
            }
            const all = aq.from(rows, columns);
            const expected = firstN(dedupe(all), { n }).objects();
            const held = candidates.finish();
            const final = candidates.runRest(held, steps);
            expect(final.table.objects()).toEqual(expected);
            // the dedupe's count is of every row streamed in, copies of rows let go included
            const [counted, kept] = final.trace;
            const distinct = dedupe(all).numRows();
            expect([counted?.rowsIn, counted?.rowsOut]).toEqual([rows.length, distinct]);
            expect([kept?.rowsIn, kept?.rowsOut]).toEqual([distinct, expected.length]);
            // the rows held never exceed the threshold's bound by more than one batch
            expect(candidates.finish().numRows()).toBeLessThanOrEqual(
              Math.max(minPending, 5 * 7 * 4 * 3) * 3 + batch,
            );
          },
        ),
        { seed: 3, numRuns: 150 },
      );
    },
  );

  describe("compacts once the new rows held fill minPendingCells values (rows × columns)", () => {
    const settings = { ...candidateSettings };
    afterEach(() => Object.assign(candidateSettings, settings));
    // ten distinct rows of one group, of which first-1 keeps one
    const ten = aq.from(
      Array.from({ length: 10 }, (_, i): Row => ({ g: 0, at: i, s: "a", v: 0 })),
      columns,
    );
    const heldAfterTen = (cells: number): number => {
      candidateSettings.minPendingCells = cells;
      const candidates = new CandidateRows(candidatePair(columns, [], plan(1))!, columns);
      candidates.append(ten);
      return candidates.finish().numRows();
    };

    it("at 10 rows of 4 columns for 40 cells", () => {
      expect(heldAfterTen(40)).toBe(1);
    });

    it("not before, for 44 cells (11 rows)", () => {
      expect(heldAfterTen(44)).toBe(10);
    });
  });

  it("counts a later copy of a row a compaction let go as a duplicate, as a dedupe of all rows does", () => {
    const candidates = new CandidateRows(candidatePair(columns, [], plan(1))!, columns, 2);
    const late: Row = { g: 0, at: 2, s: "a", v: 0 };
    const rows: Row[] = [late, { g: 0, at: 1, s: "a", v: 0 }, { g: 1, at: 0, s: null, v: 1 }, late, late];
    for (const r of rows) {
      const part = aq.from([r], columns);
      candidates.see(part);
      candidates.append(candidates.cut(part));
    }
    // the first compaction (at two rows) let the first row go; its two later copies are duplicates still
    const { trace } = candidates.runRest(candidates.finish(), plan(1));
    expect(trace[0]).toMatchObject({ rowsIn: 5, rowsOut: 3 });
    expect(trace[1]).toMatchObject({ rowsIn: 3, rowsOut: 2 });
  });

  it("counts every row streamed in, in the adjusted trace of the dedupe", () => {
    const steps = plan(1);
    const candidates = new CandidateRows(candidatePair(columns, [], steps)!, columns, 2);
    const rows: Row[] = [
      { g: 0, at: 1, s: "a", v: 0 },
      { g: 0, at: 1, s: "a", v: 0 },
      { g: 0, at: 2, s: "a", v: 0 },
      { g: 1, at: 5, s: null, v: 1 },
      { g: 0, at: 0, s: "b", v: 0 },
    ];
    for (const r of rows) {
      const part = aq.from([r], columns);
      candidates.see(part);
      candidates.append(part);
    }
    const { trace } = candidates.runRest(candidates.finish(), steps);
    expect(trace[0]?.rowsIn).toBe(5);
    expect(trace[0]?.rowsOut).toBe(4); // the one duplicate
    expect(trace[1]).toMatchObject({ rowsIn: 4, rowsOut: 2 });
  });

  it("is used only right after steps that add no column, for a dedupe then a first-N step", () => {
    const steps = plan(2);
    expect(candidatePair(columns, [], steps)).toBeDefined();
    expect(candidatePair(columns, [], [steps[1]!, steps[0]!])).toBeUndefined();
    // a streamed step that added a column: its values are not the reader's
    const derived = { ...steps[0]!, columnsOut: [...columns, "extra"] };
    expect(candidatePair(columns, [derived], steps)).toBeUndefined();
  });
});
