import * as aq from "arquero";
import { describe, expect, it } from "vitest";
import { zoneTableFindings } from "./zone-table-checks";

describe("zoneTableFindings", () => {
  it("warns about an empty zone table", () => {
    expect(zoneTableFindings(aq.table({ zone_id: [], zone_name: [] }))).toEqual([
      {
        level: "warn",
        message:
          "the zone table has no rows: excludeAirports excludes nothing, so airport trips stay in the data",
      },
    ]);
  });

  it("warns about an id named both an airport and not, and notes ids repeated alike", () => {
    const zones = aq.table({
      zone_id: [1, 2, 2, 3, 3, 4],
      zone_name: ["a", "JFK Airport", "Jamaica", "Corona", "Corona", "b"],
    });
    expect(zoneTableFindings(zones)).toEqual([
      {
        level: "warn",
        message:
          "the zone table names 1 zone id(s) both an airport and not: 2; trips in those zones are excluded as airport trips",
      },
      {
        level: "info",
        message:
          "the zone table repeats 1 zone id(s) with the same airport status: 3; each trip is still kept or dropped once",
      },
    ]);
  });

  it("says nothing about a table of distinct ids", () => {
    expect(zoneTableFindings(aq.table({ zone_id: [1, 2], zone_name: ["a", "b"] }))).toEqual([]);
  });
});
