/** Synthetic taxi-like training data for the benchmark: 11 numeric features and a tip-like label. */
import type { ColumnTable } from "arquero";
import { table } from "arquero";
import { SeededRandom } from "../src/seeded-random";

/** The guide's feature columns, in order. */
export const TAXI_FEATURES = [
  "passenger_count",
  "trip_distance",
  "rate_code",
  "payment_type",
  "fare_amount",
  "tolls_amount",
  "imp_surcharge",
  "month",
  "day_of_week",
  "day_of_month",
  "store_and_fwd_flag_is_N",
] as const;

/** The label column. */
export const TAXI_LABEL = "tip_amount";

function normal(rng: SeededRandom): number {
  const u = 1 - rng.nextFloat();
  const v = rng.nextFloat();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** `rows` seeded rows resembling the guide's prepared taxi trips (card tips ~ 15-20% of fare, cash 0). */
export function taxiTable(rows: number, seed = 7): ColumnTable {
  const rng = new SeededRandom(seed);
  const column = (): Float64Array => new Float64Array(rows);
  const [passengers, distance, rate, payment, fare, tolls, surcharge, month, dow, dom, flag, tip] = [
    column(),
    column(),
    column(),
    column(),
    column(),
    column(),
    column(),
    column(),
    column(),
    column(),
    column(),
    column(),
  ] as const;
  for (let i = 0; i < rows; i++) {
    const p = rng.nextFloat();
    passengers[i] = p < 0.7 ? 1 : p < 0.85 ? 2 : 1 + rng.nextInt(6);
    const d = Math.round(Math.exp(0.9 + 0.8 * normal(rng)) * 100) / 100;
    distance[i] = d;
    const r = rng.nextFloat();
    const rateCode = r < 0.97 ? 1 : r < 0.99 ? 2 : 3 + rng.nextInt(3);
    rate[i] = rateCode;
    const card = rng.nextFloat() < 0.68;
    payment[i] = card ? 1 : 2;
    const f = rateCode === 2 ? 52 : Math.round((2.5 + 2.6 * d + Math.max(0, 1.5 * normal(rng))) * 2) / 2;
    fare[i] = f;
    const toll = rng.nextFloat() < (d > 10 ? 0.4 : 0.03) ? 5.76 : 0;
    tolls[i] = toll;
    surcharge[i] = rng.nextFloat() < 0.999 ? 0.3 : 0;
    month[i] = 1 + rng.nextInt(12);
    dow[i] = 1 + rng.nextInt(7);
    dom[i] = 1 + rng.nextInt(28);
    flag[i] = rng.nextFloat() < 0.995 ? 1 : 0;
    const share = 0.15 + 0.05 * rng.nextFloat() + ((dow[i] as number) >= 6 ? 0.02 : 0);
    const t = card ? Math.max(0, (f + toll) * share + 0.8 * normal(rng)) : 0;
    tip[i] = Math.round(t * 100) / 100;
  }
  return table({
    passenger_count: passengers,
    trip_distance: distance,
    rate_code: rate,
    payment_type: payment,
    fare_amount: fare,
    tolls_amount: tolls,
    imp_surcharge: surcharge,
    month,
    day_of_week: dow,
    day_of_month: dom,
    store_and_fwd_flag_is_N: flag,
    [TAXI_LABEL]: tip,
  });
}
