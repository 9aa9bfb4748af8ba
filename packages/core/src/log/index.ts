export { LOG_FORMATS, LOG_LEVELS } from "./levels";
export type { LogFormat, Logger, LoggingOptions, LogLevel, LogStream } from "./logger";
export {
  configureLogging,
  currentLogFormat,
  getLogger,
  isLogLevelEnabled,
  resetLogging,
} from "./logger";
