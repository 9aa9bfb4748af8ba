/**
 * The generated taxi zones: ids 1..265 like the TLC's, three real airports, synthetic neighbourhood names, and
 * the real lookup table's traps (ids 57, 104, 105, 264, 265 absent from it; id 56 listed twice, id 103 three
 * times). Fixed: it does not depend on the generator's seed.
 */

import { SeededRandom } from "@tablepipe/models";

/** A borough of the zone table (`EWR` is Newark's, as in the TLC lookup). */
export type Borough = "Manhattan" | "Brooklyn" | "Queens" | "Bronx" | "Staten Island" | "EWR" | "Unknown";

/** The three real airport zones: 1 Newark Airport, 132 JFK Airport, 138 LaGuardia Airport. */
export const AIRPORT_ZONE_IDS = { newark: 1, jfk: 132, laGuardia: 138 } as const;

/** The largest location id that trips use. */
export const MAX_ZONE_ID = 265;

/** Location ids that trips use but the zone table lacks (as in the real one). */
export const ZONE_IDS_MISSING_FROM_LOOKUP: readonly number[] = [57, 104, 105, 264, 265];

/** Location ids listed more than once in the zone table, with their number of rows (as in the real one). */
export const ZONE_IDS_REPEATED_IN_LOOKUP: Readonly<Record<number, number>> = { 56: 2, 103: 3 };

/** One generated zone. */
export interface ZoneInfo {
  readonly id: number;
  readonly name: string;
  readonly borough: Borough;
  /** Rows of this zone in the zone table: 0 (absent), 1, or more (repeated). */
  readonly lookupRows: number;
}

const CATALOG_SEED = 20_180_204;

/** Distinct zones per borough in the table, apart from the fixed ids (airports, 56, 103). */
const BOROUGH_COUNTS: readonly (readonly [Borough, number])[] = [
  ["Manhattan", 66],
  ["Queens", 65],
  ["Brooklyn", 61],
  ["Bronx", 43],
  ["Staten Island", 20],
];

const FIXED: Readonly<Record<number, { name?: string; borough: Borough }>> = {
  1: { name: "Newark Airport", borough: "EWR" },
  132: { name: "JFK Airport", borough: "Queens" },
  138: { name: "LaGuardia Airport", borough: "Queens" },
  56: { borough: "Queens" },
  57: { borough: "Queens" },
  103: { borough: "Manhattan" },
  104: { borough: "Manhattan" },
  105: { borough: "Manhattan" },
  264: { name: "Unknown", borough: "Unknown" },
  265: { name: "Outside NYC", borough: "Unknown" },
};

const STEMS = [
  "Ashby",
  "Bellmont",
  "Carrow",
  "Dunmere",
  "Eastwick",
  "Fairlow",
  "Glenbrook",
  "Halden",
  "Ivydale",
  "Juniper",
  "Kingsmere",
  "Larkin",
  "Marlow",
  "Northam",
  "Oakhurst",
  "Pennock",
  "Quarry",
  "Ravenhill",
  "Sandmere",
  "Thornbury",
  "Upton",
  "Verity",
  "Willowby",
  "Yarrow",
  "Alder",
  "Bramble",
  "Cinder",
  "Dovecote",
  "Elmstead",
  "Foxglove",
  "Garnet",
  "Hartwell",
  "Inkwell",
  "Jasper",
  "Kestrel",
  "Lantern",
  "Merrow",
  "Nettle",
  "Orchard",
  "Pembry",
  "Quill",
  "Rookwood",
  "Saffron",
  "Tamsin",
  "Umber",
  "Vesper",
  "Wexley",
  "Zephyr",
] as const;

const SUFFIXES = [
  "Heights",
  "Park",
  "Gardens",
  "Village",
  "Hill",
  "Square",
  "Point",
  "Terrace",
  "Landing",
  "Flats",
  "Commons",
  "Crossing",
  "Yards",
  "Junction",
  "Green",
  "Harbor",
  "Beach",
  "Estates",
  "Ridge",
  "Bay",
] as const;

const PREFIXES = ["North", "South", "East", "West", "Upper", "Lower", "Old", "New"] as const;

function choose<T>(rng: SeededRandom, items: readonly T[]): T {
  return items[rng.nextInt(items.length)] as T;
}

/** A neighbourhood-like name: `Upper Bramble Heights`, `Tamsin's Landing`, `Alder Park/Quill Point`. */
function synthesizeName(rng: SeededRandom, taken: Set<string>): string {
  for (;;) {
    const single = (): string => {
      const stem = choose(rng, STEMS);
      const suffix = choose(rng, SUFFIXES);
      const u = rng.nextFloat();
      if (u < 0.2) return `${choose(rng, PREFIXES)} ${stem} ${suffix}`;
      if (u < 0.25) return `${stem}'s ${suffix}`;
      if (u < 0.3) return stem;
      return `${stem} ${suffix}`;
    };
    const name = rng.nextFloat() < 0.1 ? `${single()}/${single()}` : single();
    if (!taken.has(name)) {
      taken.add(name);
      return name;
    }
  }
}

function buildCatalog(): ZoneInfo[] {
  const rng = new SeededRandom(CATALOG_SEED);
  rng.seekRow(0); // the catalog draws from one stream: row 0 of its seed
  const free: number[] = [];
  for (let id = 1; id <= MAX_ZONE_ID; id++) if (FIXED[id] === undefined) free.push(id);
  const boroughs: Borough[] = BOROUGH_COUNTS.flatMap(([borough, count]) =>
    Array<Borough>(count).fill(borough),
  );
  if (boroughs.length !== free.length) throw new Error("zone catalog: borough counts do not add up");
  for (let i = boroughs.length - 1; i > 0; i--) {
    const j = rng.nextInt(i + 1);
    [boroughs[i], boroughs[j]] = [boroughs[j] as Borough, boroughs[i] as Borough];
  }
  const taken = new Set<string>(Object.values(FIXED).flatMap((f) => (f.name === undefined ? [] : [f.name])));
  const byId = new Map<number, Borough>(free.map((id, i) => [id, boroughs[i] as Borough]));
  const zones: ZoneInfo[] = [];
  for (let id = 1; id <= MAX_ZONE_ID; id++) {
    const fixed = FIXED[id];
    const borough = fixed?.borough ?? (byId.get(id) as Borough);
    const name = fixed?.name ?? synthesizeName(rng, taken);
    const lookupRows = ZONE_IDS_MISSING_FROM_LOOKUP.includes(id) ? 0 : (ZONE_IDS_REPEATED_IN_LOOKUP[id] ?? 1);
    zones.push({ id, name, borough, lookupRows });
  }
  return zones;
}

let catalog: readonly ZoneInfo[] | undefined;

/**
 * Every generated zone, ids 1..265 in order (index = id - 1), including those the zone table lacks.
 * @example zoneCatalog()[131] // { id: 132, name: "JFK Airport", borough: "Queens", lookupRows: 1 }
 */
export function zoneCatalog(): readonly ZoneInfo[] {
  catalog ??= Object.freeze(buildCatalog());
  return catalog;
}
