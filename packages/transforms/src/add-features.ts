import { compose, step } from "@tablepipe/core";
import { addDateParts } from "./add-date-parts";
import { encodeFlag } from "./encode-flag";

/**
 * The guide's `add_features`: {@link addDateParts} of `pickup_datetime` (month, day_of_week 1 = Sunday,
 * day_of_month) and {@link encodeFlag} (`store_and_fwd_flag_is_N`: 1 where `store_and_fwd_flag` is "N",
 * else 0; the flag column itself is kept).
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
  steps: [step(addDateParts), step(encodeFlag)],
});
