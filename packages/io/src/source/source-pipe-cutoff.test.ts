/**
 * A streamed read before a dedupe and a first-N step with a cutoff (`firstRowsCutoff`): once the candidates
 * are compacted, each batch loses the rows past the cutoff, in the narrow batch when it holds the cutoff's
 * columns (before the others are gathered), else after. With filters that have `keepRows`, one list of rows
 * passes from filter to filter. Same table as the whole read either way, every row traced.
 */
import { defineTransform, needs, pipe } from "@tablepipe/core";
import * as aq from "arquero";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import * as z from "zod";
import { readTable } from "../read/read-table";
import { tempFolder } from "../test-support";
import { candidateSettings } from "./candidate-rows";
import { pipeFrom } from "./source-pipe";

const Row = z.object({ id: z.int(), fare: z.number(), flag: z.string().nullable(), at: z.date() });
type Trip = { id: number; fare: number; flag: string | null; at: Date | number };
/** A time stamp's epoch milliseconds (tables hold them as numbers, or as Dates). */
const ms = (at: Date | number): number => (typeof at === "number" ? at : at.getTime());

const dedupe = defineTransform({
  name: "dedupe",
  dropsDuplicateRows: () => true,
  apply: (table) => table.dedupe(),
});
/** Rows of `table` among `rows` whose `column` passes `test` (a filter's keepRows, written plainly). */
function rowsWhere(table: aq.ColumnTable, rows: Uint32Array, column: string, test: (v: number) => boolean) {
  const values = table.array(column) as ArrayLike<number>;
  return Uint32Array.from(Array.from(rows).filter((row) => test(values[row]!)));
}

/** A row-local filter on one number column, with `keepRows` when `byRows` (the streamed read's row lists). */
function numberFilter(
  name: string,
  column: string,
  test: (v: number, bound: number) => boolean,
  byRows: boolean,
) {
  return defineTransform({
    name,
    rowLocal: true,
    columns: { column: needs(column) },
    params: z.object({ bound: z.number() }),
    apply: (table, { column: c, bound }) =>
      table.filter(aq.escape((d: Record<string, number>) => test(d[c]!, bound))),
    ...(byRows
      ? {
          keepRows: (
            table: aq.ColumnTable,
            rows: Uint32Array,
            { column: c, bound }: { column: string; bound: number },
          ) => rowsWhere(table, rows, c, (v) => test(v, bound)),
        }
      : {}),
  });
}

/** The columns of every table the cutoff tested, and the rows it dropped. */
const seen: { columns: string[][]; dropped: number } = { columns: [], dropped: 0 };

/** A reference first-N: the `n` lowest fares per `key`, ties by at then flag (null first); input order. */
const lowestFares = defineTransform({
  name: "lowestFares",
  columns: { key: needs("id") },
  params: z.object({ n: z.int() }),
  keepsFirstRowsPerGroup: () => true,
  firstRowsCutoff: ({ key, n }) => ({
    columns: [key, "fare"],
    from: (kept) => {
      // per key, the n-th lowest fare of the kept rows
      const fares = new Map<unknown, number[]>();
      for (const row of kept.objects() as Record<string, unknown>[]) {
        fares.set(row[key], [...(fares.get(row[key]) ?? []), row.fare as number]);
      }
      const bound = new Map(
        [...fares].filter(([, f]) => f.length >= n).map(([k, f]) => [k, f.sort((a, b) => a - b)[n - 1]!]),
      );
      return (later) => {
        seen.columns.push(later.columnNames());
        const left = later.filter(
          aq.escape(
            (d: Record<string, number>) => !(d.fare! > (bound.get(d[key]) ?? Number.POSITIVE_INFINITY)),
          ),
        );
        seen.dropped += later.numRows() - left.numRows();
        return left;
      };
    },
  }),
  apply: (table, { key, n }) => {
    const rows = table.objects() as unknown as Trip[];
    const order = (a: Trip, b: Trip) =>
      a.fare - b.fare || ms(a.at) - ms(b.at) || (a.flag ?? "").localeCompare(b.flag ?? "");
    const groups = new Map<unknown, number[]>();
    rows.forEach((row, i) => {
      const k = (row as unknown as Record<string, unknown>)[key];
      groups.set(k, [...(groups.get(k) ?? []), i]);
    });
    const keep = new Set<number>();
    for (const members of groups.values()) {
      for (const i of members.sort((a, b) => order(rows[a]!, rows[b]!)).slice(0, n)) keep.add(i);
    }
    return aq.from(rows.filter((_, i) => keep.has(i)));
  },
});

const folder = tempFolder();
afterAll(() => folder.remove());

/**
 * 2,000 rows over 40 ids, fares in a random-looking order, and an exact copy of every 7th row: half of them
 * right after it, half at the end (after compactions may have let the first copy go).
 */
function csv(): string {
  const lines = ["id,fare,flag,at"];
  const late: string[] = [];
  for (let i = 0; i < 2_000; i++) {
    const fare = ((i * 7919) % 997) / 10;
    lines.push(`${i % 40},${fare},${i % 3 === 0 ? "" : "Y"},2018-01-0${1 + (i % 9)} 10:00:00`);
    if (i % 7 === 0) (i % 2 === 0 ? lines : late).push(lines.at(-1) as string);
  }
  return `${[...lines, ...late].join("\n")}\n`;
}

describe("pipeFrom with a first-N step's cutoff", () => {
  const path = folder.file("fares.csv", csv());
  const settings = { ...candidateSettings };
  beforeEach(() => {
    candidateSettings.minPendingRows = 50; // compact on this small file
    seen.columns = [];
    seen.dropped = 0;
  });
  afterEach(() => {
    delete candidateSettings.minPendingRows;
    Object.assign(candidateSettings, settings);
  });

  for (const byRows of [false, true]) {
    const keepFareAbove = numberFilter("keepFareAbove", "fare", (v, min) => v > min, byRows);
    const keepIdBelow = numberFilter("keepIdBelow", "id", (v, max) => v < max, byRows);
    for (const key of ["id", "flag"]) {
      it(`drops rows past the cutoff as they stream, with the table of the whole read (key ${key}${byRows ? ", filters by rows" : ""})`, async () => {
        const distinct = pipe(await readTable(path, Row))
          .transform(keepFareAbove, { bound: 5 })
          .transform(keepIdBelow, { bound: 30 })
          .transform(dedupe)
          .value();
        const whole = pipe(distinct).transform(lowestFares, { key, n: 2 }).value();
        const { table, trace } = await pipeFrom(path, Row, { chunkSize: 512 })
          .transform(keepFareAbove, { bound: 5 })
          .transform(keepIdBelow, { bound: 30 })
          .transform(dedupe)
          .transform(lowestFares, { key, n: 2 })
          .run();
        expect(table.objects()).toEqual(whole.objects());
        expect(seen.dropped).toBeGreaterThan(0);
        // the streamed steps read id and fare: a cutoff on those runs on the narrow batch, before the gather
        const narrow = key === "id";
        expect(seen.columns.every((names) => names.includes("flag") !== narrow)).toBe(true);
        // every row the filters kept is counted into the dedupe, those cut included
        const [, fareAbove, idBelow, dedupeTrace, firstN] = trace;
        expect(fareAbove?.rowsIn).toBe(2_286);
        expect(idBelow?.rowsIn).toBe(fareAbove?.rowsOut);
        expect(dedupeTrace?.rowsIn).toBe(idBelow?.rowsOut);
        // and counted as the whole read's dedupe counts them: copies of rows let go are duplicates still
        expect(dedupeTrace?.rowsOut).toBe(distinct.numRows());
        expect(firstN?.rowsIn).toBe(dedupeTrace?.rowsOut);
        expect(firstN?.rowsOut).toBe(table.numRows());
      });
    }
  }

  it("fails naming the step when a filter's keepRows answers rows it was not given", async () => {
    const bad = defineTransform({
      name: "badRows",
      rowLocal: true,
      columns: { column: needs("fare") },
      apply: (table) => table,
      keepRows: (_table, rows) => Uint32Array.from(rows, (row) => row + 1),
    });
    const run = pipeFrom(path, Row, { chunkSize: 512 }).transform(bad).transform(dedupe).run();
    await expect(run).rejects.toThrow(
      /badRows: keepRows returned row \d+ \(at \d+\), which is not one of the rows/,
    );
  });
});
