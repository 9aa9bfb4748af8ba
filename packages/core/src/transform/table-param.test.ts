import type { ColumnTable } from "arquero";
import * as aq from "arquero";
import { describe, expect, it } from "vitest";
import * as z from "zod";
import { schemaOf } from "../schema/registry";
import { typedTable } from "../schema/typed-table";
import { defineTransform } from "./define-transform";
import { tableParam } from "./table-param";

const Zone = z.object({ zone_id: z.int(), zone_name: z.string(), share: z.number().nullable() });
const zones = () => aq.table({ zone_id: [1, 2], zone_name: ["JFK Airport", "Astoria"], share: [0.5, null] });

const lookupZones = defineTransform({
  name: "lookupZones",
  params: z.object({ zones: tableParam(Zone) }),
  apply: (table) => table,
});
const trips = aq.table({ id: [1] });
/** The zones param as the step receives it. */
const zonesGiven = (_trips: unknown, params: { zones: ColumnTable }) =>
  lookupZones.resolveParams(params).zones as ColumnTable;

describe("tableParam(schema)", () => {
  it("gives the step the table typed by the schema (a plain table's values checked first)", () => {
    const given = zonesGiven(trips, { zones: zones() });
    expect(given.objects()).toEqual(zones().objects());
    expect(schemaOf(given)).toEqual({
      zone_id: { type: "int", nullable: false },
      zone_name: { type: "string", nullable: false },
      share: { type: "float", nullable: true },
    });
  });

  it("keeps columns the schema does not name, with their own types", () => {
    const wider = zones().assign(aq.table({ borough: ["Queens", "Queens"] }));
    const given = zonesGiven(trips, { zones: wider });
    expect(given.columnNames()).toEqual(["zone_id", "zone_name", "share", "borough"]);
    expect(schemaOf(given).borough).toMatchObject({ type: "string", nullable: false });
  });

  it("gives the same typed table each time the same table is given (one lookup for the engines)", () => {
    const table = zones();
    const first = zonesGiven(trips, { zones: table });
    expect(zonesGiven(trips, { zones: table })).toBe(first);
    expect(first).not.toBe(table);
  });

  it("refuses a table lacking a column of the schema, naming the transform, the param, the column and its type", () => {
    expect(() => zonesGiven(trips, { zones: zones().select("zone_id") })).toThrow(
      'lookupZones: param "zones": the table lacks columns "zone_name" (string), "share" (float (nullable)); ' +
        "got a table of 2 rows",
    );
  });

  it("refuses a value of another type, naming the column, the row, the value and the type", () => {
    const textIds = aq.table({ zone_id: ["1", "2"], zone_name: ["a", "b"], share: [1, 2] });
    expect(() => zonesGiven(trips, { zones: textIds })).toThrow(
      'lookupZones: param "zones": column "zone_id" should be int, but row 0 holds "1"; got a table of 2 rows',
    );
    const missingName = aq.table({ zone_id: [1, 2], zone_name: ["a", null], share: [1, 2] });
    expect(() => zonesGiven(trips, { zones: missingName })).toThrow(
      'param "zones": column "zone_name" should be string, but row 1 holds null',
    );
  });

  it("refuses what is not a table, as the untyped form does", () => {
    expect(() => zonesGiven(trips, { zones: [1] as never })).toThrow(
      'lookupZones: param "zones": expected an arquero table; got [1]',
    );
  });

  it("takes a typed table and a hand-written schema too", () => {
    const hand = defineTransform({
      name: "hand",
      params: z.object({ ids: tableParam({ zone_id: { type: "int", nullable: false } }) }),
      apply: (table) => table,
    });
    expect(
      schemaOf(hand.resolveParams({ ids: typedTable(zones(), Zone) }).ids as ColumnTable).zone_id,
    ).toEqual({
      type: "int",
      nullable: false,
    });
    expect(() => hand(trips, { ids: aq.table({ zone_id: [1.5] }) })).toThrow(
      'hand: param "ids": column "zone_id" should be int, but row 0 holds number 1.5',
    );
  });

  it("leaves the untyped form as it was: any table, unchanged", () => {
    const any = defineTransform({
      name: "any",
      params: z.object({ other: tableParam() }),
      apply: (table) => table,
    });
    const table = aq.table({ whatever: ["x"] });
    expect(any.resolveParams({ other: table }).other).toBe(table);
  });
});
