/**
 * How often trips start and end in each zone: Manhattan-heavy, skewed within each borough, a few percent at
 * the airports, about 1% in the "unknown" ids 264/265. Fixed: it does not depend on the generator's seed.
 */

import { SeededRandom } from "@tablepipe/models";
import { Discrete } from "./distributions";
import { AIRPORT_ZONE_IDS, type Borough, MAX_ZONE_ID, zoneCatalog } from "./zone-catalog";

/** Share of trips per borough (non-airport zones) or per single zone id, for pickups and for drop-offs. */
interface Shares {
  boroughs: Readonly<Record<Borough, number>>;
  zones: Readonly<Record<number, number>>;
}

const PICKUP: Shares = {
  boroughs: {
    Manhattan: 0.885,
    Queens: 0.03,
    Brooklyn: 0.028,
    Bronx: 0.004,
    "Staten Island": 0.0003,
    EWR: 0,
    Unknown: 0,
  },
  zones: {
    [AIRPORT_ZONE_IDS.jfk]: 0.015,
    [AIRPORT_ZONE_IDS.laGuardia]: 0.015,
    [AIRPORT_ZONE_IDS.newark]: 0.0002,
    264: 0.012,
    265: 0.002,
    104: 0.00002,
    105: 0.00002,
  },
};

const DROPOFF: Shares = {
  boroughs: {
    Manhattan: 0.835,
    Queens: 0.045,
    Brooklyn: 0.05,
    Bronx: 0.012,
    "Staten Island": 0.001,
    EWR: 0,
    Unknown: 0,
  },
  zones: {
    [AIRPORT_ZONE_IDS.jfk]: 0.009,
    [AIRPORT_ZONE_IDS.laGuardia]: 0.011,
    [AIRPORT_ZONE_IDS.newark]: 0.0025,
    264: 0.012,
    265: 0.004,
    104: 0.00002,
    105: 0.00002,
  },
};

const POPULARITY_SEED = 1_701_263;

/** Relative popularity of each zone within its borough (skewed: a few busy zones, many quiet ones). */
function zoneAttraction(): Float64Array {
  const rng = new SeededRandom(POPULARITY_SEED);
  rng.seekRow(0); // the attractions draw from one stream: row 0 of its seed
  return Float64Array.from(zoneCatalog(), (zone) => {
    const u = rng.nextFloat();
    return zone.borough === "Manhattan" ? 0.03 + u * u * u : 0.02 + u * u * u;
  });
}

function buildDistribution(shares: Shares, attraction: Float64Array): Discrete {
  const zones = zoneCatalog();
  const totals = new Map<Borough, number>();
  zones.forEach((zone, i) => {
    if (shares.zones[zone.id] !== undefined) return;
    totals.set(zone.borough, (totals.get(zone.borough) ?? 0) + (attraction[i] as number));
  });
  const weights = zones.map((zone, i) => {
    const own = shares.zones[zone.id];
    if (own !== undefined) return own;
    return (shares.boroughs[zone.borough] * (attraction[i] as number)) / (totals.get(zone.borough) ?? 1);
  });
  if (weights.length !== MAX_ZONE_ID) throw new Error("zone popularity: one weight per zone id expected");
  return new Discrete(weights);
}

let cached: { pickup: Discrete; dropoff: Discrete } | undefined;

/**
 * Pickup and drop-off zone distributions over indexes 0..264 (location id = index + 1).
 * @example zonePopularity().pickup.pick(u) + 1 // a location id
 */
export function zonePopularity(): { pickup: Discrete; dropoff: Discrete } {
  if (cached === undefined) {
    const attraction = zoneAttraction();
    cached = {
      pickup: buildDistribution(PICKUP, attraction),
      dropoff: buildDistribution(DROPOFF, attraction),
    };
  }
  return cached;
}
