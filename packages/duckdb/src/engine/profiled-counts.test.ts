import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { countMarker } from "@tablepipe/sql";
import { describe, expect, it } from "vitest";
import { DuckDb } from "./duckdb-database";
import { countsFromProfile, runCounted } from "./profiled-counts";

/** A FILTER operator of DuckDB's JSON profile. */
const filterNode = (expression: string, rows: number, children: unknown[] = []) => ({
  operator_name: "FILTER",
  operator_cardinality: rows,
  extra_info: { Expression: expression },
  children,
});
const marker = (i: number, rows: number, children: unknown[] = []) =>
  filterNode(`(__tablepipe_row IS DISTINCT FROM ${countMarker(i)})`, rows, children);

describe("countsFromProfile", () => {
  it("reads each marker filter's rows out as n0 (the source), n1, ...", () => {
    const profile = { children: [marker(1, 3, [filterNode("(amount > 6)", 3, [marker(0, 10)])])] };
    expect(countsFromProfile(profile, 2)).toEqual({ n0: 10, n1: 3 });
  });

  it("reads the markers from the first-th on, for a query holding the steps after a filtered read", () => {
    const profile = { children: [marker(3, 2, [filterNode("(amount > 6)", 2, [marker(2, 4)])])] };
    expect(countsFromProfile(profile, 2, 2)).toEqual({ n2: 4, n3: 2 });
    expect(countsFromProfile(profile, 2)).toBeUndefined();
  });

  it("gives no counts when a marker is missing, merged with another filter, or planned twice", () => {
    const missing = { children: [marker(0, 10)] };
    expect(countsFromProfile(missing, 2)).toBeUndefined();
    const merged = {
      children: [
        filterNode(`((amount > 6) AND (__tablepipe_row IS DISTINCT FROM ${countMarker(1)}))`, 3, [
          marker(0, 10),
        ]),
      ],
    };
    expect(countsFromProfile(merged, 2)).toBeUndefined();
    const twice = { children: [marker(1, 3, [marker(0, 10), marker(0, 10)])] };
    expect(countsFromProfile(twice, 2)).toBeUndefined();
  });

  it("gives no counts when a join gave no rows (DuckDB may not have read its other side) or a limit stopped early", () => {
    // a built side without a key (no row, or only null keys): DuckDB stops reading the marked side
    const join = (joined: number) => ({
      children: [
        marker(1, joined, [
          {
            operator_name: "HASH_JOIN",
            operator_cardinality: joined,
            children: [marker(0, 3), { operator_name: "TABLE_SCAN", operator_cardinality: 1 }],
          },
        ]),
      ],
    });
    expect(countsFromProfile(join(0), 2)).toBeUndefined();
    expect(countsFromProfile(join(2), 2)).toEqual({ n0: 3, n1: 2 });
    // DuckDB's profile shows a decorrelated subquery's delim join and its DELIM_SCAN with no rows: not a stop
    const delim = {
      children: [
        marker(1, 3, [
          {
            operator_name: "LEFT_DELIM_JOIN",
            operator_cardinality: 0,
            children: [
              marker(0, 3),
              {
                operator_name: "CROSS_PRODUCT",
                operator_cardinality: 5,
                children: [{ operator_name: "DELIM_SCAN", operator_cardinality: 0 }],
              },
            ],
          },
        ]),
      ],
    };
    expect(countsFromProfile(delim, 2)).toEqual({ n0: 3, n1: 3 });
    const limited = {
      children: [{ operator_name: "STREAMING_LIMIT", children: [marker(1, 2, [marker(0, 5)])] }],
    };
    expect(countsFromProfile(limited, 2)).toBeUndefined();
  });
});

describe("runCounted", () => {
  const SETTINGS_SQL =
    "SELECT current_setting('enable_profiling') AS p, current_setting('profiling_output') AS o, " +
    "current_setting('disabled_optimizers') AS d, current_setting('custom_profiling_settings') AS c";
  const settingsOf = async (db: DuckDb) =>
    (await db.connection.runAndReadAll(SETTINGS_SQL)).getRowObjects()[0] as Record<string, unknown>;

  it("profiles the statement it runs, then gives back every setting it changed, profiling on or off before", async () => {
    const folder = await mkdtemp(join(tmpdir(), "tablepipe-counted-"));
    const db = await DuckDb.open();
    try {
      for (const before of [
        [],
        [
          "PRAGMA enable_profiling = 'query_tree'",
          `PRAGMA profiling_output = '${join(folder, "mine.txt")}'`,
          "SET disabled_optimizers = 'join_order'",
        ],
      ]) {
        for (const statement of before) await db.connection.run(statement);
        const expected = await settingsOf(db);
        const during: Record<string, unknown>[] = [];
        const { value } = await runCounted(db, 0, async () => {
          during.push(await settingsOf(db));
          return 7;
        });
        expect(value).toBe(7);
        expect(during[0]).toMatchObject({ p: "json" });
        expect(String(during[0]?.d)).toContain("filter_pushdown");
        expect(await settingsOf(db)).toEqual(expected);
      }
    } finally {
      db.close();
      await rm(folder, { recursive: true, force: true });
    }
  });
});
