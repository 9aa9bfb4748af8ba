import { MissingColumnsError, pipe, StepFailedError, TransformParamError } from "@tablepipe/core";
import { tripRows, zoneRows } from "@tablepipe/testing";
import * as aq from "arquero";
import { describe, expect, it } from "vitest";
import { excludeMatching } from "./exclude-matching";
import { countingStep } from "./internal/counting-step";
import type { LookupPredicate } from "./lookup-predicate";

const zones = zoneRows.tuples(
  ["zone_id", "zone_name", "borough"],
  [
    [1, "Newark Airport", "EWR"],
    [2, "Jamaica Bay", "Queens"],
    [3, "Allerton/Pelham Gardens", "Bronx"],
    [4, "Alphabet City", "Manhattan"],
  ],
);
const trips = tripRows.tuples(["pickup_location_id"], [[1], [2], [3], [4], [5]]);
/** The key columns of most tests (both are required). */
const byZone = { column: "pickup_location_id", lookupKey: "zone_id" } as const;
const survivors = (where: LookupPredicate): unknown[] =>
  Array.from(excludeMatching(trips, { ...byZone, lookup: zones, where }).array("pickup_location_id"));

describe("excludeMatching", () => {
  it("drops rows whose key matches a lookup row satisfying the predicate", () => {
    expect(survivors({ column: "zone_name", contains: "airport", ignoreCase: true })).toEqual([2, 3, 4, 5]);
    expect(survivors({ column: "zone_name", contains: "airport" })).toEqual([1, 2, 3, 4, 5]);
  });

  it("offers startsWith, endsWith, equals, in, anyOf, allOf and not", () => {
    expect(survivors({ column: "zone_name", startsWith: "al", ignoreCase: true })).toEqual([1, 2, 5]);
    expect(survivors({ column: "zone_name", endsWith: "Bay" })).toEqual([1, 3, 4, 5]);
    expect(survivors({ column: "borough", equals: "Bronx" })).toEqual([1, 2, 4, 5]);
    expect(survivors({ column: "borough", equals: "bronx", ignoreCase: true })).toEqual([1, 2, 4, 5]);
    expect(survivors({ column: "zone_id", in: [2, 4, 99] })).toEqual([1, 3, 5]);
    expect(survivors({ column: "zone_id", in: ["2"] })).toEqual([1, 2, 3, 4, 5]);
    expect(
      survivors({
        anyOf: [
          { column: "borough", equals: "EWR" },
          { column: "borough", equals: "Queens" },
        ],
      }),
    ).toEqual([3, 4, 5]);
    expect(
      survivors({
        allOf: [
          { column: "zone_name", startsWith: "Al" },
          { column: "borough", equals: "Bronx" },
        ],
      }),
    ).toEqual([1, 2, 4, 5]);
    expect(survivors({ not: { column: "borough", in: ["EWR", "Queens", "Bronx"] } })).toEqual([1, 2, 3, 5]);
  });

  it("matches number keys alike through the small-integer mask and the general key set", () => {
    const keys = aq.table({
      pickup_location_id: Float64Array.of(0, -0, 1, 1.5, Number.NaN, -1, 70_000, 3, 2),
    });
    const run = (ids: number[]) =>
      Array.from(
        excludeMatching(keys, { ...byZone, lookup: aq.table({ zone_id: ids }) }).array("pickup_location_id"),
      );
    // ids below 65,536: the mask; 0 matches -0, a fraction, NaN or a negative number matches nothing
    expect(run([0, 1, 3])).toEqual([1.5, Number.NaN, -1, 70_000, 2]);
    // an id of 70,000: the key set, same rules
    expect(run([0, 1, 3, 70_000])).toEqual([1.5, Number.NaN, -1, 2]);
    expect(run([0.5, 1])).toEqual([0, -0, 1.5, Number.NaN, -1, 70_000, 3, 2]);
  });

  it("tests numbers as text, never matches a missing cell, and a not of a missing cell is true", () => {
    const lookup = aq.table({ zone_id: [1, 2, 3], code: [120, null, 7] });
    const run = (where: LookupPredicate) =>
      excludeMatching(trips, { ...byZone, lookup, where }).array("pickup_location_id");
    expect(run({ column: "code", startsWith: "12" })).toEqual([2, 3, 4, 5]);
    expect(run({ not: { column: "code", startsWith: "12" } })).toEqual([1, 4, 5]);
  });

  it("keeps rows with a null key or a key absent from the lookup; duplicate lookup rows change nothing", () => {
    const lookup = aq.table({ zone_id: [7, 7, 7, null], zone_name: ["x", "x", "y", "x"] });
    const table = aq.table({ pickup_location_id: [7, null, 8, undefined, Number.NaN, 7] });
    const out = excludeMatching(table, { ...byZone, lookup, where: { column: "zone_name", equals: "x" } });
    expect(out.objects()).toEqual([
      { pickup_location_id: null },
      { pickup_location_id: 8 },
      { pickup_location_id: undefined },
      { pickup_location_id: Number.NaN },
    ]);
  });

  it("matches Date keys by instant", () => {
    const lookup = aq.table({ day: [new Date(Date.UTC(2018, 0, 1))], holiday: [true] });
    const table = aq.table({ day: [new Date(Date.UTC(2018, 0, 1)), new Date(Date.UTC(2018, 0, 2))] });
    const out = excludeMatching(table, {
      ...byZone,
      column: "day",
      lookup,
      lookupKey: "day",
      where: { column: "holiday", equals: true },
    });
    expect(out.numRows()).toBe(1);
  });

  it("throws when the two key columns hold disjoint kinds of values (1 is not '1')", () => {
    const lookup = aq.table({ zone_id: ["1", "2"], zone_name: ["Airport", "x"] });
    expect(() =>
      excludeMatching(trips, {
        ...byZone,
        lookup,
        where: { column: "zone_name", contains: "airport", ignoreCase: true },
      }),
    ).toThrow(
      'excludeMatching: key "pickup_location_id" holds numbers but lookup table key "zone_id" holds strings, so no key can ever match',
    );
  });

  it("checks the lookup's columns, naming the lookup table", () => {
    expect(() =>
      excludeMatching(trips, { ...byZone, lookup: zones, where: { column: "name", contains: "x" } }),
    ).toThrow(MissingColumnsError);
    expect(() =>
      excludeMatching(trips, {
        ...byZone,
        lookup: zones,
        lookupKey: "id",
        where: { column: "zone_name", contains: "x" },
      }),
    ).toThrow('excludeMatching: lookup table: missing column "id"; available: zone_id, zone_name, borough');
  });

  it("refuses, before any row is read, a lookup table without its key or the predicate's columns", () => {
    const first = countingStep();
    const before = first.step;
    const p = pipe(trips)
      .transform(before)
      .transform(excludeMatching, { ...byZone, lookup: zones, lookupKey: "id" });
    expect(() => p.check()).toThrow(StepFailedError);
    expect(() => p.run()).toThrow(
      'excludeMatching(pickup_location_id): lookup table: missing column "id"; available: zone_id, zone_name, borough',
    );
    expect(first.runs()).toBe(0);
  });

  it("has no default key columns: each left out is an error naming it", () => {
    const where = { column: "zone_name", equals: "x" } as const;
    expect(() => excludeMatching(trips, { lookup: zones, lookupKey: "zone_id", where } as never)).toThrow(
      'excludeMatching: param "column": required (it has no default), but not given; expected a column name',
    );
    expect(() =>
      excludeMatching(trips, { column: "pickup_location_id", lookup: zones, where } as never),
    ).toThrow(
      'excludeMatching: param "lookupKey": required (it has no default), but not given; expected a column name',
    );
  });

  it("validates the predicate and the lookup", () => {
    expect(() =>
      excludeMatching(trips, {
        ...byZone,
        lookup: zones,
        where: { column: "zone_name", contain: "x" } as never,
      }),
    ).toThrow(TransformParamError);
    expect(() =>
      excludeMatching(trips, { ...byZone, lookup: [] as never, where: { column: "a", equals: 1 } }),
    ).toThrow(/param "lookup": expected an arquero table/);
  });

  it("names a misspelt or missing key of the predicate, after the form it comes closest to", () => {
    const where = (predicate: unknown) => () =>
      excludeMatching(trips, { ...byZone, lookup: zones, where: predicate as never });
    expect(where({ colum: "borough", equals: "EWR" })).toThrow(
      'excludeMatching: param "where": no form fits; the closest: "column" is required, unknown key "colum"; got {"colum":"borough","equals":"EWR"}',
    );
    expect(where({ column: "zone_name", contain: "x" })).toThrow(
      'param "where": no form fits; the closest: "contains" is required, unknown key "contain";',
    );
    expect(where({ not: { column: "borough", equal: "EWR" } })).toThrow(
      'param "where": no form fits; the closest: "not": "equals" is required, unknown key "equal";',
    );
  });

  it("handles an empty table and an empty lookup", () => {
    expect(
      excludeMatching(tripRows.empty(), {
        ...byZone,
        lookup: zones,
        where: { column: "zone_id", equals: 1 },
      }).numRows(),
    ).toBe(0);
    expect(
      excludeMatching(trips, {
        ...byZone,
        lookup: zoneRows.empty(),
        where: { column: "zone_id", equals: 1 },
      }).numRows(),
    ).toBe(5);
  });

  it("without a where, drops the rows whose key is anywhere in the lookup (a plain anti-join)", () => {
    const blocked = aq.table({ id: [2, 2, null] });
    const orders = aq.table({ customer_id: [1, 2, null, 3] });
    const kept = excludeMatching(orders, { column: "customer_id", lookup: blocked, lookupKey: "id" });
    expect(kept.array("customer_id")).toEqual([1, null, 3]);
  });
});
