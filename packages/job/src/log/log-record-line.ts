import { LOG_LEVELS } from "./levels";

/** The levels a log record of this logger holds (every level but "silent"). */
const RECORD_LEVELS: ReadonlySet<unknown> = new Set(LOG_LEVELS.filter((level) => level !== "silent"));

/** How a record this logger writes starts: `{"level":"info","time":1712345678901,`. */
const RECORD_START = new RegExp(`^\\{"level":"(${[...RECORD_LEVELS].join("|")})","time":\\d+[,}]`);

/**
 * Whether a line is one of the log records this logger writes to a file, `{"level":…,"time":…,…,"msg":…}`: a
 * JSON object with a known level, a numeric time and a text message. A line cut before its end (`whole` false)
 * is judged by its start, as the logger writes the level and the time first.
 * @example isLogRecordLine('{"level":"info","time":1712345678901,"name":"sales","msg":"done"}', true) // true
 */
export function isLogRecordLine(line: string, whole: boolean): boolean {
  const text = line.trim();
  if (!whole) return RECORD_START.test(text);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return false;
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const { level, time, msg } = value as Record<string, unknown>;
  return RECORD_LEVELS.has(level) && typeof time === "number" && typeof msg === "string";
}
