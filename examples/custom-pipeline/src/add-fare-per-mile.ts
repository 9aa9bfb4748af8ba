import { adds, and, caseWhen, col, defineTransform, div, ge, ne, needs } from "@tablepipe/core";
import * as aq from "arquero";
import * as z from "zod";

// #region addFarePerMile
/**
 * Add the fare per mile of each trip: `fare_amount / trip_distance`, in dollars per mile. A trip shorter than
 * `minMiles` gets `null` there (its meter's flag-drop fare would dominate), and so does a trip whose fare or
 * distance is missing; drop those rows afterwards with `dropMissing` if you only want measurable trips.
 *
 * Params: `fare` (default "fare_amount"), `distance` (default "trip_distance"), `output` (default
 * "fare_per_mile"), `minMiles` (default 0.5).
 *
 * @example addFarePerMile(trips, { minMiles: 1 }); // 10.5 dollars over 3 miles gives 3.5
 */
export const addFarePerMile = defineTransform({
  name: "addFarePerMile",
  description: "Add fare_amount / trip_distance (null for trips shorter than minMiles).",
  columns: {
    fare: needs({ type: ["int", "float"], default: "fare_amount" }),
    distance: needs({ type: ["int", "float"], default: "trip_distance" }),
    output: adds({ type: "float", default: "fare_per_mile", nullable: true }),
  },
  params: z.object({
    minMiles: z.number().min(0).default(0.5).describe("Shorter trips get null: too short to measure."),
  }),
  apply: (table, { fare, distance, output, minMiles }) =>
    table.derive({
      [output]: aq.escape((d: Record<string, number | null>) => {
        const dollars = d[fare];
        const miles = d[distance];
        if (dollars == null || miles == null || !(miles >= minMiles) || miles === 0) return null;
        return dollars / miles;
      }),
    }),
  // on DuckDB or Spark: the same rule as one expression of the library's, which renders alike on each engine
  // (tested against `apply` with `assertSameOnEngines` of @tablepipe/testing)
  sql: ({ fare, distance, output, minMiles }, c) => {
    const miles = col(distance);
    const perMile = caseWhen([[and(ge(miles, minMiles), ne(miles, 0)), div(col(fare), miles)]]);
    return `SELECT *, ${c.expr(perMile)} AS ${c.quote(output)} FROM ${c.input}`;
  },
});
// #endregion addFarePerMile
