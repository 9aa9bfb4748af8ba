import type { ColumnTable } from "arquero";
import { ZONE } from "../steps/taxi-columns";

/** Most zone ids named in one line. */
const MAX_NAMED = 5;

/** One thing worth saying about a zone table: a warning when it changes what is excluded, else a note. */
export interface ZoneTableFinding {
  readonly level: "warn" | "info";
  readonly message: string;
}

const isAirport = (name: unknown): boolean =>
  typeof name === "string" && name.toLowerCase().includes("airport");

function nameIds(ids: readonly unknown[]): string {
  const named = ids.slice(0, MAX_NAMED).map(String).join(", ");
  return ids.length > MAX_NAMED ? `${named} and ${ids.length - MAX_NAMED} more` : named;
}

/**
 * What is odd about a zone table. Warnings: no rows (the airport filters then exclude nothing), or a zone id
 * whose rows disagree on being an airport (the trip is excluded, as any of its rows names an airport). A note:
 * zone ids repeated with the same answer (the real TLC table repeats 56 and 103), which change nothing.
 * @example zoneTableFindings(aq.table({ zone_id: [], zone_name: [] }))[0].level // "warn"
 */
export function zoneTableFindings(zones: ColumnTable): ZoneTableFinding[] {
  if (zones.numRows() === 0) {
    return [
      {
        level: "warn",
        message:
          "the zone table has no rows: excludeAirports excludes nothing, so airport trips stay in the data",
      },
    ];
  }
  const ids = zones.array(ZONE.id) as ArrayLike<unknown>;
  const names = zones.array(ZONE.name) as ArrayLike<unknown>;
  const rows = new Map<unknown, { count: number; airports: number }>();
  for (let i = 0; i < ids.length; i++) {
    const seen = rows.get(ids[i]) ?? { count: 0, airports: 0 };
    seen.count++;
    if (isAirport(names[i])) seen.airports++;
    rows.set(ids[i], seen);
  }
  const repeated = [...rows].filter(([, r]) => r.count > 1);
  const conflicting = repeated.filter(([, r]) => r.airports > 0 && r.airports < r.count).map(([id]) => id);
  const harmless = repeated.filter(([, r]) => r.airports === 0 || r.airports === r.count).map(([id]) => id);
  const findings: ZoneTableFinding[] = [];
  if (conflicting.length > 0) {
    findings.push({
      level: "warn",
      message: `the zone table names ${conflicting.length} zone id(s) both an airport and not: ${nameIds(conflicting)}; trips in those zones are excluded as airport trips`,
    });
  }
  if (harmless.length > 0) {
    findings.push({
      level: "info",
      message: `the zone table repeats ${harmless.length} zone id(s) with the same airport status: ${nameIds(harmless)}; each trip is still kept or dropped once`,
    });
  }
  return findings;
}
