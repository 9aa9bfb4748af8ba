export { taxiTripAliases, taxiZoneGeoAliases } from "./aliases";
export { formatWallClock } from "./csv-text";
export type { GenerateTripsOptions } from "./generate-trips";
export { generateTrips, generateTripsPausing, tripChunkToTable } from "./generate-trips";
export { generateZones, zoneRows } from "./generate-zones";
export type { TripChunk, TripChunkOptions, TripColumns } from "./trip-chunks";
export { DEFAULT_CHUNK_ROWS, generateTripChunks } from "./trip-chunks";
export type { TaxiTrip, TaxiTripColumn } from "./trip-schema";
export { TAXI_TRIP_COLUMNS, taxiTripSchema } from "./trip-schema";
export type { SampleFilesWritten, WriteSampleOptions, WriteSampleProgress } from "./write-sample";
export { SAMPLE_FILES, writeSample } from "./write-sample";
export type { Borough } from "./zone-catalog";
export {
  AIRPORT_ZONE_IDS,
  MAX_ZONE_ID,
  ZONE_IDS_MISSING_FROM_LOOKUP,
  ZONE_IDS_REPEATED_IN_LOOKUP,
} from "./zone-catalog";
export type { TaxiZoneGeo, TaxiZoneGeoColumn } from "./zone-schema";
export { TAXI_ZONE_GEO_COLUMNS, taxiZoneGeoSchema } from "./zone-schema";
