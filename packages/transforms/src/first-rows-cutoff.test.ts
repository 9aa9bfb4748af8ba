/**
 * The first-N steps' cutoffs (`firstRowsCutoff`), as a streamed read uses them: the dedupe and first-N pair
 * runs on a prefix of the rows, each later batch is cut by what it kept, and the pair run on the kept rows
 * plus what the cuts left gives what the pair gives on every row. And the pair run as one
 * (`keepFirstDistinctRows`), as a streamed read runs it: the same rows, and the dedupe's count.
 */
import { type FirstDistinctRows, type FirstRowsCutoff, typedTable } from "@tablepipe/core";
import * as aq from "arquero";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dropDuplicates } from "./drop-duplicates";
import { firstNDaily } from "./first-n-daily";
import { firstNPerGroup } from "./first-n-per-group";
import { topNPerGroup } from "./top-n-per-group";

interface Row {
  k: number | null;
  g: string | null;
  at: number;
  v: number;
}
const COLUMNS = ["k", "g", "at", "v"] as const;
const HOUR = 3_600_000;

const row: fc.Arbitrary<Row> = fc.record({
  // whole numbers (direct bounds), -0 (which groups with 0), a fraction (the key maps), missing
  k: fc.option(
    fc.oneof({ weight: 12, arbitrary: fc.integer({ min: -2, max: 3 }) }, fc.constant(-0), fc.constant(0.5)),
    {
      freq: 8,
    },
  ),
  g: fc.option(fc.constantFrom("a", "b"), { freq: 6 }),
  // three days of hours, so calendar days split groups; sometimes missing
  at: fc.oneof(
    { weight: 12, arbitrary: fc.integer({ min: 0, max: 72 }).map((h) => Date.UTC(2018, 0, 1) + h * HOUR) },
    { weight: 1, arbitrary: fc.constant(Number.NaN) },
  ),
  v: fc.integer({ min: 0, max: 2 }),
});

/** Rows with some repeated (exact duplicates), cut into a prefix and batches. */
const input = fc
  .array(row, { maxLength: 120 })
  .chain((base) =>
    fc
      .array(fc.nat({ max: Math.max(0, base.length - 1) }), { maxLength: base.length === 0 ? 0 : 20 })
      .map((repeats) => [...base, ...repeats.map((i) => ({ ...base[i]! }))]),
  )
  .chain((rows) =>
    fc.record({
      rows: fc.shuffledSubarray(rows, { minLength: rows.length, maxLength: rows.length }),
      prefix: fc.nat({ max: rows.length }),
      batch: fc.integer({ min: 1, max: 40 }),
      n: fc.integer({ min: 1, max: 3 }),
      typedKeys: fc.boolean(),
    }),
  );

/** The rows as a table: `k` a Float64Array (missing as NaN) or a plain array; `at` always a Float64Array. */
function toTable(rows: readonly Row[], typedKeys: boolean): aq.ColumnTable {
  const table = aq.table(
    {
      k: typedKeys ? Float64Array.from(rows, (r) => r.k ?? Number.NaN) : rows.map((r) => r.k),
      g: rows.map((r) => r.g),
      at: Float64Array.from(rows, (r) => r.at),
      v: Float64Array.from(rows, (r) => r.v),
    },
    [...COLUMNS],
  );
  // `at` holds epoch milliseconds: time stamps for firstNDaily
  return typedTable(table, {
    k: { type: "float", nullable: true },
    g: { type: "string", nullable: true },
    at: { type: "timestamp", nullable: true },
    v: { type: "float", nullable: false },
  }) as unknown as aq.ColumnTable;
}

interface Case {
  readonly name: string;
  readonly run: (table: aq.ColumnTable, n: number) => aq.ColumnTable;
  readonly cutoff: (n: number) => FirstRowsCutoff | undefined;
  readonly distinct: (table: aq.ColumnTable, n: number) => FirstDistinctRows | undefined;
}

const cases: readonly Case[] = [
  {
    name: "firstNDaily",
    run: (t, n) => firstNDaily(t, { key: "k", timestamp: "at", n }),
    cutoff: (n) => firstNDaily.firstRowsCutoff?.(firstNDaily.resolveParams({ key: "k", timestamp: "at", n })),
    distinct: (t, n) =>
      firstNDaily.keepFirstDistinctRows?.(t, firstNDaily.resolveParams({ key: "k", timestamp: "at", n })),
  },
  {
    name: "firstNPerGroup on two keys, two order columns",
    run: (t, n) => firstNPerGroup(t, { keys: ["k", "g"], orderBy: ["at", "v"], n }),
    cutoff: (n) =>
      firstNPerGroup.firstRowsCutoff?.(
        firstNPerGroup.resolveParams({ keys: ["k", "g"], orderBy: ["at", "v"], n }),
      ),
    distinct: (t, n) =>
      firstNPerGroup.keepFirstDistinctRows?.(
        t,
        firstNPerGroup.resolveParams({ keys: ["k", "g"], orderBy: ["at", "v"], n }),
      ),
  },
  {
    name: "firstNPerGroup on a text key",
    run: (t, n) => firstNPerGroup(t, { keys: ["g"], orderBy: ["at"], n }),
    cutoff: (n) =>
      firstNPerGroup.firstRowsCutoff?.(firstNPerGroup.resolveParams({ keys: ["g"], orderBy: ["at"], n })),
    distinct: (t, n) =>
      firstNPerGroup.keepFirstDistinctRows?.(
        t,
        firstNPerGroup.resolveParams({ keys: ["g"], orderBy: ["at"], n }),
      ),
  },
  {
    name: "topNPerGroup, latest first",
    run: (t, n) => topNPerGroup(t, { keys: ["k"], orderBy: ["at"], descending: ["at"], n }),
    cutoff: (n) =>
      topNPerGroup.firstRowsCutoff?.(
        topNPerGroup.resolveParams({ keys: ["k"], orderBy: ["at"], descending: ["at"], n }),
      ),
    distinct: (t, n) =>
      topNPerGroup.keepFirstDistinctRows?.(
        t,
        topNPerGroup.resolveParams({ keys: ["k"], orderBy: ["at"], descending: ["at"], n }),
      ),
  },
];

/** The cases, and one the cutoff never cuts (its first order column is text): a dedupe by hashing instead. */
const distinctCases: readonly Pick<Case, "name" | "run" | "distinct">[] = [
  ...cases,
  {
    name: "firstNPerGroup ordered by text first",
    run: (t, n) => firstNPerGroup(t, { keys: ["k"], orderBy: ["g", "at"], n }),
    distinct: (t, n) =>
      firstNPerGroup.keepFirstDistinctRows?.(
        t,
        firstNPerGroup.resolveParams({ keys: ["k"], orderBy: ["g", "at"], n }),
      ),
  },
];

/** A table's rows in order, with the columns in a fixed order. */
const rowsOf = (table: aq.ColumnTable): Row[] => table.objects() as unknown as Row[];

describe("firstRowsCutoff", () => {
  for (const { name, run, cutoff } of cases) {
    it(`${name}: the pair on the kept rows and the cut batches gives the pair on every row`, () => {
      const pair = (table: aq.ColumnTable, n: number) => run(dropDuplicates(table), n);
      let cut = 0;
      fc.assert(
        fc.property(input, ({ rows, prefix, batch, n, typedKeys }) => {
          const test = cutoff(n);
          expect(test?.columns).toBeDefined();
          const kept = pair(toTable(rows.slice(0, prefix), typedKeys), n);
          const drop = test!.from(kept);
          const later: Row[] = [];
          for (let start = prefix; start < rows.length; start += batch) {
            const part = toTable(rows.slice(start, start + batch), typedKeys);
            const left = drop(part);
            cut += part.numRows() - left.numRows();
            expect(left.columnNames()).toEqual([...COLUMNS]);
            later.push(...rowsOf(left));
          }
          const streamed = pair(toTable([...rowsOf(kept), ...later], typedKeys), n);
          expect(rowsOf(streamed)).toEqual(rowsOf(pair(toTable(rows, typedKeys), n)));
        }),
        { seed: 17, numRuns: 300 },
      );
      expect(cut).toBeGreaterThan(0); // the property ran on batches the cutoff did cut
    });
  }

  it("drops only rows strictly after their group's n-th kept row: a tie is left to the tie-break", () => {
    const at = (h: number) => Date.UTC(2018, 0, 1) + h * HOUR;
    const test = firstNDaily.firstRowsCutoff?.(
      firstNDaily.resolveParams({ key: "k", timestamp: "at", n: 2 }),
    );
    const kept = aq.table({
      k: Float64Array.of(1, 1, 2, 2),
      at: Float64Array.of(at(3), at(5), at(1), at(2)),
    });
    // the cutoff reads the columns as they are: no schema is needed
    const later = aq.table({
      k: Float64Array.of(1, 1, 1, 2, 7, Number.NaN, 1, 1),
      at: Float64Array.of(at(6), at(5), at(4), at(9), at(9), at(9), Number.NaN, at(30)),
    });
    const left = test!.from(kept)(later);
    // 1@6h and 2@9h have two kept rows ahead; 1@5h ties the second; zone 7 has no kept row; a missing key or
    // time stamp is never cut; the next day is a group of its own (outside the kept rows' days)
    expect(left.objects()).toEqual([
      { k: 1, at: at(5) },
      { k: 1, at: at(4) },
      { k: 7, at: at(9) },
      { k: Number.NaN, at: at(9) },
      { k: 1, at: Number.NaN },
      { k: 1, at: at(30) },
    ]);
  });
});

/** Many rows in few groups (past the insertion sort), many tied on the time stamp, with copies. */
const crowded = fc.record({
  rows: fc
    .array(
      fc.record({
        k: fc.constantFrom(0, 1),
        g: fc.constantFrom("a", "b"),
        at: fc.oneof(
          {
            weight: 8,
            arbitrary: fc.integer({ min: 0, max: 5 }).map((h) => Date.UTC(2018, 0, 1) + h * HOUR),
          },
          { weight: 1, arbitrary: fc.constant(Number.NaN) },
        ),
        v: fc.integer({ min: 0, max: 3 }),
      }),
      { minLength: 40, maxLength: 200 },
    )
    .chain((base) =>
      fc
        .array(fc.nat({ max: base.length - 1 }), { maxLength: 40 })
        .map((repeats) => [...base, ...repeats.map((i) => ({ ...base[i]! }))]),
    ),
  n: fc.integer({ min: 1, max: 5 }),
});

describe("keepFirstDistinctRows", () => {
  for (const { name, run, distinct } of distinctCases) {
    /** The step run as one with the dedupe gives what the dedupe, then the step, give: rows and count. */
    const matchesThePair = (table: aq.ColumnTable, n: number): void => {
      const deduped = dropDuplicates(table);
      const fused = distinct(table, n);
      expect(fused?.distinctRows).toBe(deduped.numRows());
      expect(rowsOf(fused!.table)).toEqual(rowsOf(run(deduped, n)));
    };

    it(`${name}: gives the rows and the distinct count of a dedupe on every column, then the step`, () => {
      fc.assert(
        fc.property(input, ({ rows, n, typedKeys }) => matchesThePair(toTable(rows, typedKeys), n)),
        { seed: 23, numRuns: 300 },
      );
    });

    it(`${name}: the same on groups of many rows`, () => {
      fc.assert(
        fc.property(crowded, ({ rows, n }) => matchesThePair(toTable(rows, true), n)),
        { seed: 29, numRuns: 100 },
      );
    });
  }
});
