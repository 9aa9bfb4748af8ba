/** Log levels from most to least verbose; "silent" writes nothing. */
export const LOG_LEVELS = ["debug", "info", "warn", "error", "silent"] as const;

/** A log level name. */
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Output formats: human-readable lines or JSON lines. */
export const LOG_FORMATS = ["pretty", "json"] as const;

/** A log output format. */
export type LogFormat = (typeof LOG_FORMATS)[number];

/** True when a message at `level` passes the threshold `threshold`, e.g. `levelPasses("warn", "info") === true`. */
export function levelPasses(level: LogLevel, threshold: LogLevel): boolean {
  if (level === "silent" || threshold === "silent") return false;
  return LOG_LEVELS.indexOf(level) >= LOG_LEVELS.indexOf(threshold);
}
