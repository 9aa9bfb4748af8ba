import * as z from "zod";

/**
 * One yellow-taxi trip in the guide's `taxi_trip_data` layout (17 columns, in this order). Time stamps are New
 * York wall-clock times without a zone, held as UTC fields so no result depends on the machine's time zone: a
 * table read with this schema holds them as epoch milliseconds (`2018-02-04 18:00:00` is
 * `Date.UTC(2018, 1, 4, 18)`), not as Dates. Amounts are US dollars.
 *
 * Nullable: `passenger_count`, `rate_code` and `store_and_fwd_flag`, the columns the TLC's own files leave
 * empty for otherwise valid trips (2019 onwards). Every other column is required.
 * @example readTable("taxi_trip_data.csv", taxiTripSchema, { aliases: taxiTripAliases })
 */
export const taxiTripSchema = z.object({
  vendor_id: z.int().describe("Provider that sent the record: 1 Creative Mobile Technologies, 2 VeriFone"),
  pickup_datetime: z.date().describe("Meter engaged: New York wall-clock time, stored as UTC fields"),
  dropoff_datetime: z.date().describe("Meter disengaged: New York wall-clock time, stored as UTC fields"),
  passenger_count: z
    .int()
    .nullable()
    .describe("Passengers, as entered by the driver (may be 0; empty in some TLC files)"),
  trip_distance: z.number().describe("Distance on the taximeter, in miles"),
  rate_code: z
    .int()
    .nullable()
    .describe("Final rate: 1 standard, 2 JFK, 3 Newark, 4 Nassau/Westchester, 5 negotiated, 6 group ride"),
  store_and_fwd_flag: z
    .string()
    .nullable()
    .describe(
      '"Y" when the record was held in the vehicle before it was sent (no server connection), else "N"',
    ),
  payment_type: z.int().describe("1 credit card, 2 cash, 3 no charge, 4 dispute, 5 unknown, 6 voided trip"),
  fare_amount: z.number().describe("Time-and-distance fare on the meter, in dollars"),
  extra: z
    .number()
    .describe("Extras and surcharges: $0.50 overnight, $1 weekday rush hour, $4.50 JFK rush hour"),
  mta_tax: z.number().describe("$0.50 MTA tax, triggered by the metered rate"),
  tip_amount: z.number().describe("Tip, in dollars: recorded for card payments only (cash tips are 0)"),
  tolls_amount: z.number().describe("Tolls paid on the trip, in dollars"),
  imp_surcharge: z.number().describe("$0.30 improvement surcharge, assessed at the flag drop"),
  total_amount: z.number().describe("Amount charged to the passenger, tip included (never a feature)"),
  pickup_location_id: z.int().describe("TLC taxi zone where the meter was engaged"),
  dropoff_location_id: z.int().describe("TLC taxi zone where the meter was disengaged"),
});

/** One trip row as the schema outputs it (time stamps as Dates; a table read with the schema holds epoch milliseconds). */
export type TaxiTrip = z.output<typeof taxiTripSchema>;

/** A column of `taxi_trip_data`. */
export type TaxiTripColumn = keyof TaxiTrip & string;

/** The 17 columns of `taxi_trip_data`, in file order. */
export const TAXI_TRIP_COLUMNS = Object.keys(taxiTripSchema.shape) as readonly TaxiTripColumn[];
