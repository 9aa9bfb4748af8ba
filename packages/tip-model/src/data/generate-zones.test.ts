import { describe, expect, it } from "vitest";
import { generateZones, zoneRows } from "./generate-zones";
import { AIRPORT_ZONE_IDS, MAX_ZONE_ID, ZONE_IDS_MISSING_FROM_LOOKUP, zoneCatalog } from "./zone-catalog";
import { zonePopularity } from "./zone-popularity";

describe("generateZones", () => {
  const rows = zoneRows();
  const count = (id: number) => rows.filter((r) => r.zone_id === id).length;

  it("has 263 rows like the real lookup, with its ids 56 and 103 repeated", () => {
    expect(rows).toHaveLength(263);
    expect(count(56)).toBe(2);
    expect(count(103)).toBe(3);
    const repeated = [...new Set(rows.map((r) => r.zone_id))].filter((id) => count(id) > 1);
    expect(repeated).toEqual([56, 103]);
    const copies = rows.filter((r) => r.zone_id === 103);
    expect(new Set(copies.map((r) => `${r.zone_name}|${r.borough}`)).size).toBe(1);
  });

  it("lacks ids 57, 104, 105, 264 and 265, which trips still use", () => {
    for (const id of [57, 104, 105, 264, 265]) expect(count(id), `id ${id}`).toBe(0);
    expect(ZONE_IDS_MISSING_FROM_LOOKUP).toEqual([57, 104, 105, 264, 265]);
    const { pickup, dropoff } = zonePopularity();
    for (const id of ZONE_IDS_MISSING_FROM_LOOKUP) {
      expect(pickup.probability(id - 1) + dropoff.probability(id - 1), `id ${id}`).toBeGreaterThan(0);
    }
  });

  it("names exactly the three real airports with 'airport'", () => {
    const airports = rows.filter((r) => r.zone_name.toLowerCase().includes("airport"));
    expect(airports).toEqual([
      { zone_id: 1, zone_name: "Newark Airport", borough: "EWR" },
      { zone_id: 132, zone_name: "JFK Airport", borough: "Queens" },
      { zone_id: 138, zone_name: "LaGuardia Airport", borough: "Queens" },
    ]);
    expect(Object.values(AIRPORT_ZONE_IDS)).toEqual([1, 132, 138]);
  });

  it("gives every other zone its own synthetic name in one of the five boroughs", () => {
    const distinct = [...new Map(rows.map((r) => [r.zone_id, r])).values()];
    expect(distinct).toHaveLength(260);
    expect(new Set(distinct.map((r) => r.zone_name)).size).toBe(260);
    const boroughs = new Map<string, number>();
    for (const r of distinct) boroughs.set(r.borough, (boroughs.get(r.borough) ?? 0) + 1);
    expect(Object.fromEntries(boroughs)).toEqual({
      EWR: 1,
      Manhattan: 67,
      Queens: 68,
      Brooklyn: 61,
      Bronx: 43,
      "Staten Island": 20,
    });
    for (const r of distinct) expect(r.zone_name).toMatch(/^[A-Z][A-Za-z' /]+$/);
  });

  it("is ordered by id, fixed, and an arquero table of the zone layout", () => {
    const ids = rows.map((r) => r.zone_id);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    const t = generateZones();
    expect(t.columnNames()).toEqual(["zone_id", "zone_name", "borough"]);
    expect(t.numRows()).toBe(263);
    expect(t.objects()).toEqual(rows);
    expect(generateZones().objects()).toEqual(t.objects());
  });

  it("covers location ids 1..265, Manhattan-heavy, a few percent at the airports", () => {
    const zones = zoneCatalog();
    expect(zones).toHaveLength(MAX_ZONE_ID);
    const { pickup } = zonePopularity();
    const share = (pick: (b: string, id: number) => boolean) =>
      zones.reduce((s, z, i) => s + (pick(z.borough, z.id) ? pickup.probability(i) : 0), 0);
    expect(share((b) => b === "Manhattan")).toBeGreaterThan(0.8);
    const airports = share((_, id) => id === 1 || id === 132 || id === 138);
    expect(airports).toBeGreaterThan(0.02);
    expect(airports).toBeLessThan(0.05);
  });
});
