import { compose, step } from "@tablepipe/core";
import { addDateParts, encodeFlag } from "@tablepipe/transforms";
import { TRIP } from "./taxi-columns";

/**
 * The guide's `add_features`: `addDateParts` of `pickup_datetime` (month, day_of_week 1 = Sunday,
 * day_of_month) and `encodeFlag` (`store_and_fwd_flag_is_N`: 1 where `store_and_fwd_flag` is "N", else 0;
 * the flag column itself is kept).
 *
 * Needs `pickup_datetime`, `store_and_fwd_flag`; adds `month`, `day_of_week`, `day_of_month`,
 * `store_and_fwd_flag_is_N`. No params.
 *
 * @example
 * pipe(trips).transform(filterData, { zones }).transform(addFeatures).value();
 */
export const addFeatures = compose({
  name: "addFeatures",
  description: "The tip model's features: date parts of pickup_datetime and store_and_fwd_flag_is_N.",
  steps: [
    step(addDateParts, { column: TRIP.pickupDatetime }).as("addDateParts"),
    step(encodeFlag, {
      column: TRIP.storeAndFwdFlag,
      value: "N",
      output: "store_and_fwd_flag_is_N",
    }).as("encodeFlag"),
  ],
});
