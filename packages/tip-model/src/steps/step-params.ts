import type { ColumnBound } from "@tablepipe/io";
import type { ColumnTable } from "arquero";
import type { FilterSettings } from "../config";
import { TRIP, ZONE } from "./taxi-columns";

/** The filters' settings (config names, see `filterSettingsFields`) and the zone table. */
export interface FilterStepSettings extends FilterSettings {
  /** The zone table (`taxi_zone_geo`), for excluding airports. */
  readonly zones: ColumnTable;
}

/**
 * The params of each step of `filterData`, from the job's config: the one place where a config field becomes
 * a general transform's param, and where those transforms are told the taxi data's column names.
 *
 * @example
 * filterStepParams({ ...filterSettings(config), zones }).firstNDaily
 * // { key: "pickup_location_id", timestamp: "pickup_datetime", n: config.n_first_daily_rides_to_keep }
 */
export function filterStepParams(settings: FilterStepSettings) {
  const airports = { zones: settings.zones, zoneIdColumn: ZONE.id, zoneNameColumn: ZONE.name } as const;
  return {
    limitHistory: {
      column: TRIP.pickupDatetime,
      after: settings.history_start_month,
      through: settings.history_end_month,
    },
    keepEveningRides: { from: settings.first_evening_hour, to: settings.last_evening_hour },
    excludePickupAirports: { column: TRIP.pickupLocationId, ...airports },
    excludeDropoffAirports: { column: TRIP.dropoffLocationId, ...airports },
    firstNDaily: {
      key: TRIP.pickupLocationId,
      timestamp: TRIP.pickupDatetime,
      n: settings.n_first_daily_rides_to_keep,
    },
  } as const;
}

/** The first instant (epoch ms, UTC wall clock) of the month after `yyyyMM`: `"201811"` -> 2018-12-01 00:00. */
function startOfMonthAfter(yyyyMM: string): number {
  return Date.UTC(Number(yyyyMM.slice(0, 4)), Number(yyyyMM.slice(4, 6)), 1);
}

/**
 * What the trip read may skip unread (`rowGroupBounds` of @tablepipe/io): Parquet row groups whose pickup
 * times all lie outside `limitHistory`'s window of months, [start of the month after history_start_month,
 * start of the month after history_end_month). Only rows `limitHistory` would drop are skipped; it still runs.
 * @example tripRowGroupBounds(filterSettings(config)) // [{ column: "pickup_datetime", min: 1491004800000, ... }]
 */
export function tripRowGroupBounds(
  settings: Pick<FilterSettings, "history_start_month" | "history_end_month">,
): ColumnBound[] {
  return [
    {
      column: TRIP.pickupDatetime,
      min: startOfMonthAfter(settings.history_start_month),
      max: startOfMonthAfter(settings.history_end_month),
      maxExclusive: true,
    },
  ];
}
