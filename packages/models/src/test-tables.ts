import type { ColumnTable } from "arquero";
import { table } from "arquero";
import { SeededRandom } from "./seeded-random";

/** Small seeded tables for the tests (not exported from the package). */

/** x = 0..19 and a noise column; y steps from 1 to 5 at x = 10. */
export function stepTable(): ColumnTable {
  const rng = new SeededRandom(3);
  const x = Array.from({ length: 20 }, (_, i) => i);
  return table({
    x,
    noise: x.map(() => rng.nextFloat()),
    y: x.map((v) => (v < 10 ? 1 : 5)),
  });
}

/** `rows` rows of a, b, c uniform in [0, 10) and y = 3 + 2a − 0.5b + 0.25c exactly. */
export function linearTable(rows: number, seed = 11): ColumnTable {
  const rng = new SeededRandom(seed);
  const a = new Float64Array(rows);
  const b = new Float64Array(rows);
  const c = new Float64Array(rows);
  const y = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    a[i] = 10 * rng.nextFloat();
    b[i] = 10 * rng.nextFloat();
    c[i] = 10 * rng.nextFloat();
    y[i] = 3 + 2 * (a[i] as number) - 0.5 * (b[i] as number) + 0.25 * (c[i] as number);
  }
  return table({ a, b, c, y });
}

/** `rows` rows with a noisy non-linear target over four features. */
export function noisyTable(rows: number, seed = 5): ColumnTable {
  const rng = new SeededRandom(seed);
  const cols = {
    a: new Float64Array(rows),
    b: new Float64Array(rows),
    k: new Float64Array(rows),
    d: new Float64Array(rows),
    y: new Float64Array(rows),
  };
  for (let i = 0; i < rows; i++) {
    const a = 10 * rng.nextFloat();
    const b = rng.nextFloat();
    const k = rng.nextInt(5);
    const d = rng.nextFloat();
    cols.a[i] = a;
    cols.b[i] = b;
    cols.k[i] = k;
    cols.d[i] = d;
    cols.y[i] = Math.sin(a) + 3 * b * b + (k === 2 ? 1 : 0) + 0.3 * (rng.nextFloat() - 0.5);
  }
  return table(cols);
}
