export { addFarePerMile } from "./add-fare-per-mile";
export { addPickupBorough } from "./add-pickup-borough";
export { runFarePerMileCli } from "./cli";
export { FarePerMileConfig } from "./config";
export { FarePerMileJob, type FarePerMileTables } from "./job";
export { prepareTrips } from "./prepare-trips";
export { farePerMileByBoroughAndHour, type PreparedTripColumns } from "./summarize";
