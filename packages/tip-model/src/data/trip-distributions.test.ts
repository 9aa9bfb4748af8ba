import { beforeAll, describe, expect, it } from "vitest";
import { generateTripChunks, type TripColumns } from "./trip-chunks";
import { AIRPORT_ZONE_IDS, ZONE_IDS_MISSING_FROM_LOOKUP } from "./zone-catalog";

const ROWS = 20_000;
let c: TripColumns;

beforeAll(() => {
  const [chunk] = generateTripChunks({ rows: ROWS, seed: 42, chunkRows: ROWS });
  if (chunk === undefined) throw new Error("no chunk");
  c = chunk.columns;
});

/** Share of rows for which `test(i)` holds. */
function share(test: (i: number) => boolean): number {
  let n = 0;
  for (let i = 0; i < ROWS; i++) if (test(i)) n++;
  return n / ROWS;
}

const at = (column: Float64Array, i: number): number => column[i] as number;
const utcHour = (ms: number): number => new Date(ms).getUTCHours();
const yyyymm = (ms: number): string => new Date(ms).toISOString().slice(0, 7).replace("-", "");

describe("generated trips (20k rows, seed 42)", () => {
  it("pay mostly by card, some cash, a few no-charge and disputed", () => {
    const card = share((i) => at(c.payment_type, i) === 1);
    expect(card).toBeGreaterThan(0.64);
    expect(card).toBeLessThan(0.72);
    expect(share((i) => at(c.payment_type, i) === 2)).toBeGreaterThan(0.27);
    const other = share((i) => at(c.payment_type, i) >= 3);
    expect(other).toBeGreaterThan(0.002);
    expect(other).toBeLessThan(0.015);
  });

  it("record tips on card payments only: about a fifth of the fare, some zero", () => {
    expect(share((i) => at(c.payment_type, i) !== 1 && at(c.tip_amount, i) !== 0)).toBe(0);
    expect(share((i) => at(c.tip_amount, i) < 0)).toBe(0);
    let tips = 0;
    let cards = 0;
    let zero = 0;
    for (let i = 0; i < ROWS; i++) {
      if (at(c.payment_type, i) !== 1) continue;
      cards++;
      tips += at(c.tip_amount, i);
      if (at(c.tip_amount, i) === 0) zero++;
    }
    expect(tips / cards).toBeGreaterThan(2);
    expect(tips / cards).toBeLessThan(3.5);
    expect(zero / cards).toBeGreaterThan(0.02);
    expect(zero / cards).toBeLessThan(0.1);
  });

  it("have a total that is the sum of its parts, tip included, to the cent", () => {
    let worst = 0;
    for (let i = 0; i < ROWS; i++) {
      const parts =
        at(c.fare_amount, i) +
        at(c.extra, i) +
        at(c.mta_tax, i) +
        at(c.tip_amount, i) +
        at(c.tolls_amount, i) +
        at(c.imp_surcharge, i);
      worst = Math.max(worst, Math.abs(at(c.total_amount, i) - parts));
    }
    expect(worst).toBeLessThan(0.005);
  });

  it("hold amounts in whole cents and distances in hundredths of a mile", () => {
    const columns = [
      c.fare_amount,
      c.extra,
      c.mta_tax,
      c.tip_amount,
      c.tolls_amount,
      c.total_amount,
      c.trip_distance,
    ];
    for (const column of columns) {
      expect(share((i) => Math.round(at(column, i) * 100) / 100 !== at(column, i))).toBe(0);
    }
  });

  it("price like a meter: fare grows with distance, JFK flat $52 on rate code 2", () => {
    expect(share((i) => at(c.rate_code, i) === 1)).toBeGreaterThan(0.95);
    expect(share((i) => at(c.rate_code, i) === 2)).toBeGreaterThan(0.005);
    expect(share((i) => at(c.rate_code, i) === 2 && Math.abs(at(c.fare_amount, i)) !== 52)).toBe(0);
    const meanFare = (from: number, to: number) => {
      let s = 0;
      let n = 0;
      for (let i = 0; i < ROWS; i++) {
        const d = at(c.trip_distance, i);
        if (at(c.rate_code, i) === 1 && d >= from && d < to && at(c.fare_amount, i) > 0) {
          s += at(c.fare_amount, i);
          n++;
        }
      }
      return s / n;
    };
    expect(meanFare(0.5, 1.5)).toBeGreaterThan(4.5);
    expect(meanFare(4, 6)).toBeGreaterThan(meanFare(0.5, 1.5) + 8);
    expect(c.store_and_fwd_flag.every((f) => f === "N" || f === "Y")).toBe(true);
    const y = c.store_and_fwd_flag.filter((f) => f === "Y").length / ROWS;
    expect(y).toBeGreaterThan(0);
    expect(y).toBeLessThan(0.02);
  });

  it("peak in the evening: about 40% drop off between 17:00 and 23:59", () => {
    const evening = share((i) => utcHour(at(c.dropoff_datetime, i)) >= 17);
    expect(evening).toBeGreaterThan(0.33);
    expect(evening).toBeLessThan(0.5);
    const night = share((i) => utcHour(at(c.pickup_datetime, i)) === 4);
    const seven = share((i) => utcHour(at(c.pickup_datetime, i)) === 19);
    expect(seven).toBeGreaterThan(3 * night);
  });

  it("end after they start, within a few hours", () => {
    const minutes = (i: number) => (at(c.dropoff_datetime, i) - at(c.pickup_datetime, i)) / 60_000;
    expect(share((i) => minutes(i) <= 0 || minutes(i) >= 6 * 60)).toBe(0);
  });

  it("touch an airport in 3-6% of trips and use ids the zone table lacks", () => {
    const airports = new Set<number>(Object.values(AIRPORT_ZONE_IDS));
    const touch = share(
      (i) => airports.has(at(c.pickup_location_id, i)) || airports.has(at(c.dropoff_location_id, i)),
    );
    expect(touch).toBeGreaterThan(0.03);
    expect(touch).toBeLessThan(0.065);
    const missing = new Set(ZONE_IDS_MISSING_FROM_LOOKUP);
    expect(share((i) => missing.has(at(c.pickup_location_id, i)))).toBeGreaterThan(0.005);
    expect(share((i) => at(c.pickup_location_id, i) < 1 || at(c.pickup_location_id, i) > 265)).toBe(0);
  });

  it("repeat about 0.5% of rows exactly, each copy after its original", () => {
    const seen = new Map<string, number>();
    let duplicates = 0;
    const names = Object.keys(c) as (keyof TripColumns)[];
    for (let i = 0; i < ROWS; i++) {
      const key = names.map((n) => c[n][i]).join(",");
      if (seen.has(key)) duplicates++;
      else seen.set(key, i);
    }
    expect(duplicates / ROWS).toBeGreaterThan(0.003);
    expect(duplicates / ROWS).toBeLessThan(0.008);
  });

  it("fall mostly in 2018, with some months outside the guide's window 201704-201811", () => {
    const months = new Set<string>();
    for (let i = 0; i < ROWS; i++) months.add(yyyymm(at(c.pickup_datetime, i)));
    for (const m of ["201701", "201703", "201704", "201806", "201811", "201812", "201901", "201902"]) {
      expect(months.has(m), m).toBe(true);
    }
    expect([...months].every((m) => m >= "201701" && m <= "201903")).toBe(true);
    const outside = share((i) => {
      const m = yyyymm(at(c.pickup_datetime, i));
      return m <= "201703" || m > "201811";
    });
    expect(outside).toBeGreaterThan(0.08);
    expect(outside).toBeLessThan(0.2);
    expect(share((i) => yyyymm(at(c.pickup_datetime, i)).startsWith("2018"))).toBeGreaterThan(0.85);
  });

  it("make the tip learnable but not trivial: card x fare explains a good part of it, not all", () => {
    // least squares of tip on (card ? fare : 0), through the origin
    let sxy = 0;
    let sxx = 0;
    let mean = 0;
    for (let i = 0; i < ROWS; i++) {
      const x = at(c.payment_type, i) === 1 ? at(c.fare_amount, i) : 0;
      sxy += x * at(c.tip_amount, i);
      sxx += x * x;
      mean += at(c.tip_amount, i) / ROWS;
    }
    const slope = sxy / sxx;
    let residual = 0;
    let total = 0;
    for (let i = 0; i < ROWS; i++) {
      const x = at(c.payment_type, i) === 1 ? at(c.fare_amount, i) : 0;
      residual += (at(c.tip_amount, i) - slope * x) ** 2;
      total += (at(c.tip_amount, i) - mean) ** 2;
    }
    const r2 = 1 - residual / total;
    expect(slope).toBeGreaterThan(0.15);
    expect(slope).toBeLessThan(0.3);
    expect(r2).toBeGreaterThan(0.4);
    expect(r2).toBeLessThan(0.95);
  });

  it("carry passenger counts 0-6, mostly 1", () => {
    expect(share((i) => at(c.passenger_count, i) === 1)).toBeGreaterThan(0.65);
    expect(share((i) => at(c.passenger_count, i) < 0 || at(c.passenger_count, i) > 6)).toBe(0);
  });
});
