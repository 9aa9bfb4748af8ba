/** The parity property tests of the SQL renderings, shared by the SQL engines (DuckDB, Spark). */
import {
  add,
  and,
  caseWhen,
  coalesce,
  col,
  count,
  countDistinct,
  dayOfWeek,
  endsWith,
  eq,
  first,
  gt,
  hour,
  isIn,
  isNotNull,
  isNull,
  last,
  lower,
  max,
  mean,
  median,
  min,
  month,
  or,
  type Pipe,
  pipe,
  quantile,
  stddev,
  sum,
  trim,
  truncate,
} from "@tablepipe/core";
import {
  addDateParts,
  addGroupMeasures,
  aggregate,
  derive,
  dropColumns,
  dropDuplicates,
  dropMissing,
  encodeFlag,
  excludeAirports,
  excludeMatching,
  filter,
  firstNDaily,
  firstNPerGroup,
  join,
  keepHourWindow,
  limit,
  limitHistory,
  select,
  sortRows,
  topNPerGroup,
} from "@tablepipe/transforms";
import * as aq from "arquero";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { expectParity, type ParityEngine } from "./expect-parity";
import { lookupTable, ORDER_TYPES, orderRows, ordersTable } from "./random-tables";

const COLUMNS = ["id", "status", "amount", "paid", "at"] as const;

/** Every measure function over the order table's columns (of `aggregate` and `addGroupMeasures`). */
const everyMeasure = () => ({
  rows: count(),
  amounts: count(col("amount")),
  total: sum(col("amount")),
  average: mean(col("amount")),
  lowest: min(col("at")),
  highest: max(col("status")),
  ids: countDistinct(col("id")),
  first_status: first(col("status")),
  last_amount: last(col("amount")),
  spread: stddev(col("amount")),
  months: sum(month(col("at"))),
  middle: median(col("amount")),
  upper: quantile(col("at"), 0.75),
});
const columns = fc.subarray([...COLUMNS], { minLength: 1 });
const yyyyMM = fc.constantFrom("201702", "201703", "201704", "201810", "201811", "201812", "196912");
/** Two months, the first before the second (limitHistory refuses another pair). */
const monthPair = fc
  .tuple(yyyyMM, yyyyMM)
  .filter(([a, b]) => a !== b)
  .map(([a, b]): [string, string] => (a < b ? [a, b] : [b, a]));

/**
 * The parity properties of every rendered transform, for one SQL engine: each pipe below must run wholly on
 * the engine and equal the in-process result row for row, with the same rows in and out per step (random
 * tables: nulls in every column, ties, duplicate rows, empty tables, time stamps at daylight-saving changes).
 * `enabled: false` (no engine reachable) declares the tests without running them.
 */
export function describeParity(engine: ParityEngine, enabled = true): void {
  const RUNS = { numRuns: engine.runs };
  async function parity(p: Pipe<string>): Promise<void> {
    const result = await expectParity(p, engine, ORDER_TYPES);
    expect(result.placement.every((step) => step.engine === engine.name)).toBe(true);
  }

  describe.runIf(enabled)(
    `parity of the ${engine.name} renderings with the in-process transforms (random tables)`,
    { timeout: engine.timeoutMs ?? 30_000 },
    () => {
      it("dropDuplicates, on every column and on a subset", async () => {
        await fc.assert(
          fc.asyncProperty(orderRows, fc.subarray([...COLUMNS]), async (rows, subset) => {
            await parity(pipe(ordersTable(rows)).transform(dropDuplicates, { subset }));
          }),
          RUNS,
        );
      });

      it("limitHistory", async () => {
        await fc.assert(
          fc.asyncProperty(orderRows, monthPair, async (rows, [after, through]) => {
            await parity(pipe(ordersTable(rows)).transform(limitHistory, { column: "at", after, through }));
          }),
          RUNS,
        );
      });

      it("keepHourWindow, wrapping midnight too", async () => {
        const hourOfDay = fc.integer({ min: 0, max: 23 });
        await fc.assert(
          fc.asyncProperty(orderRows, hourOfDay, hourOfDay, async (rows, from, to) => {
            await parity(pipe(ordersTable(rows)).transform(keepHourWindow, { column: "at", from, to }));
          }),
          RUNS,
        );
      });

      it("excludeMatching with and without a predicate, and excludeAirports", async () => {
        const predicate = fc.constantFrom(
          undefined,
          { column: "zone_name", contains: "airport", ignoreCase: true },
          { column: "zone_name", startsWith: "JFK" },
          { column: "zone_name", endsWith: "port", ignoreCase: true },
          { not: { column: "zone_name", equals: "Midtown" } },
          {
            anyOf: [
              { column: "zone_name", in: ["Harlem", "AIRPORT"] },
              { column: "zone_id", equals: 3 },
            ],
          },
          {
            allOf: [
              { column: "zone_name", equals: "midtown", ignoreCase: true },
              { not: { column: "zone_id", in: [] } },
            ],
          },
        );
        await fc.assert(
          fc.asyncProperty(orderRows, lookupTable, predicate, async (rows, zones, where) => {
            const lookup = { column: "id", lookup: zones, lookupKey: "zone_id" } as const;
            await parity(
              pipe(ordersTable(rows)).transform(
                excludeMatching,
                where === undefined ? lookup : { ...lookup, where },
              ),
            );
            await parity(
              pipe(ordersTable(rows)).transform(excludeAirports, {
                column: "id",
                zones,
                zoneIdColumn: "zone_id",
                zoneNameColumn: "zone_name",
              }),
            );
          }),
          RUNS,
        );
      });

      it("firstNPerGroup, topNPerGroup and firstNDaily (ties broken by the other columns)", async () => {
        const n = fc.integer({ min: 1, max: 3 });
        await fc.assert(
          fc.asyncProperty(
            orderRows,
            fc.subarray([...COLUMNS]),
            columns,
            fc.subarray([...COLUMNS]),
            n,
            async (rows, keys, orderBy, picks, k) => {
              const descending = orderBy.filter((c) => picks.includes(c));
              const table = ordersTable(rows);
              await parity(pipe(table).transform(firstNPerGroup, { keys, orderBy, n: k }));
              await parity(pipe(table).transform(topNPerGroup, { keys, orderBy, descending, n: k }));
              await parity(pipe(table).transform(firstNDaily, { key: "id", timestamp: "at", n: k }));
            },
          ),
          RUNS,
        );
      });

      it("sortRows, ascending and descending keys", async () => {
        await fc.assert(
          fc.asyncProperty(
            orderRows,
            fc.subarray([...COLUMNS]),
            fc.subarray([...COLUMNS]),
            async (rows, by, picks) => {
              const descending = by.filter((c) => picks.includes(c));
              await parity(pipe(ordersTable(rows)).transform(sortRows, { by, descending }));
            },
          ),
          RUNS,
        );
      });

      it("addDateParts, encodeFlag, dropMissing and select", async () => {
        await fc.assert(
          fc.asyncProperty(
            orderRows,
            columns,
            columns,
            fc.constantFrom("paid", "open", ""),
            async (rows, missing, kept, value) => {
              await parity(
                pipe(ordersTable(rows))
                  .transform(addDateParts, { column: "at" })
                  .transform(encodeFlag, { column: "status", value, output: "is_value" })
                  .transform(dropMissing, { columns: missing })
                  .transform(select, { columns: [...kept, "month", "is_value"] as string[] }),
              );
            },
          ),
          RUNS,
        );
      });

      it("filter and derive on expressions: three-valued logic, null tests, date parts, truncations, case, coalesce", async () => {
        const condition = fc.constantFrom(
          gt(col("amount"), 4),
          or(eq(col("status"), "paid"), isNull(col("amount"))),
          and(col("paid"), gt(hour(col("at")), 1)),
          isIn(col("id"), [1, 3, null]),
          eq(lower(col("status")), "paid"),
        );
        await fc.assert(
          fc.asyncProperty(orderRows, condition, async (rows, where) => {
            await parity(
              pipe(ordersTable(rows))
                .transform(filter, { where })
                .transform(derive, {
                  columns: {
                    total: add(col("amount"), col("id")),
                    weekday: dayOfWeek(col("at")),
                    day: truncate(col("at"), "day"),
                    hour_start: truncate(col("at"), "hour"),
                    minute_start: truncate(col("at"), "minute"),
                    size: caseWhen([[gt(col("amount"), 6), "big"]], "small"),
                    status: coalesce(col("status"), "none"),
                  },
                }),
            );
          }),
          RUNS,
        );
      });

      it("trim and endsWith: blanks of every kind at either end, inner blanks kept, nulls", async () => {
        const piece = fc.constantFrom(
          " ",
          "\t",
          "\n",
          "\r",
          "\u00a0",
          "\u2003",
          "\u3000",
          "\ufeff",
          "a",
          "b",
          "é",
          "Paid",
        );
        const text = fc.option(
          fc.array(piece, { maxLength: 6 }).map((parts) => parts.join("")),
          { freq: 5 },
        );
        await fc.assert(
          fc.asyncProperty(fc.array(text, { maxLength: 12 }), async (statuses) => {
            const t = aq.table({ id: statuses.map((_, i) => i), status: statuses });
            await parity(
              pipe(t)
                .transform(derive, {
                  columns: {
                    trimmed: trim(col("status")),
                    ends_b: endsWith(col("status"), "b"),
                    ends_trimmed: endsWith(trim(col("status")), "b"),
                  },
                })
                .transform(filter, { where: or(endsWith(col("status"), " "), isNull(col("status"))) }),
            );
          }),
          RUNS,
        );
      });

      it("texts that start with U+FEFF (a byte-order mark) come back with it", async () => {
        const texts = ["\ufeffx", "\ufeff", "a\ufeff", "\ufeff\ufeffé", null];
        const t = aq.table({ id: texts.map((_, i) => i), status: texts });
        await parity(pipe(t).transform(derive, { columns: { trimmed: trim(col("status")) } }));
      });

      it("aggregate: groups by first appearance, null keys one group, every measure", async () => {
        await fc.assert(
          fc.asyncProperty(orderRows, fc.subarray(["id", "status", "paid"]), async (rows, by) => {
            await parity(pipe(ordersTable(rows)).transform(aggregate, { by, measures: everyMeasure() }));
          }),
          RUNS,
        );
      });

      it("limit and dropColumns: the first n rows in the in-process order (the source's, a sort's), columns dropped", async () => {
        const dropped = fc.subarray([...COLUMNS], { maxLength: COLUMNS.length - 1 });
        await fc.assert(
          fc.asyncProperty(orderRows, fc.nat(30), dropped, fc.boolean(), async (rows, n, columns, sorted) => {
            const source = pipe(ordersTable(rows));
            const ordered = sorted
              ? source.transform(sortRows, { by: ["amount"], descending: ["amount"] })
              : source.transform(filter, { where: isNotNull(col("status")) });
            await parity(ordered.transform(limit, { n }).transform(dropColumns, { columns }));
          }),
          RUNS,
        );
      });

      it("addGroupMeasures: each row its group's measures, rows in order, a measure overwriting a column", async () => {
        await fc.assert(
          fc.asyncProperty(orderRows, fc.subarray(["id", "status", "paid"]), async (rows, by) => {
            await parity(
              pipe(ordersTable(rows)).transform(addGroupMeasures, {
                by,
                measures: { ...everyMeasure(), at: max(col("at")) },
              }),
            );
          }),
          RUNS,
        );
      });

      it("join: inner, left, right, full, semi and anti, matches in the right table's order", async () => {
        const right = fc
          .array(
            fc.record({
              id: fc.option(fc.integer({ min: 1, max: 4 }), { freq: 4 }),
              label: fc.constantFrom("a", "b"),
            }),
            { maxLength: 6 },
          )
          .map((rows) => aq.table({ id: rows.map((r) => r.id), label: rows.map((r) => r.label) }));
        const how = fc.constantFrom("inner", "left", "right", "full", "semi", "anti" as const);
        await fc.assert(
          fc.asyncProperty(orderRows, right, how, async (rows, lookup, kind) => {
            await parity(pipe(ordersTable(rows)).transform(join, { right: lookup, on: ["id"], how: kind }));
          }),
          RUNS,
        );
      });
    },
  );
}
