export type { Logger, LoggingOptions, LogLevel } from "./logger";
export { configureLogging, getLogger } from "./logger";
