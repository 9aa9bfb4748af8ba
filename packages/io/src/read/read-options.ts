import { describeValue } from "@tablepipe/core";
import type { ReadTableOptions } from "./types";

/** Every option {@link ReadTableOptions} has: any other key is a misspelling. */
const READ_OPTION_KEYS: readonly (keyof ReadTableOptions)[] = [
  "format",
  "aliases",
  "onInvalid",
  "onProgress",
  "delimiter",
  "workers",
  "chunkSize",
  "rowGroupBounds",
  "signal",
  "zonedTimestamps",
];

const ON_INVALID = ["error", "drop"] as const;
const FORMATS = ["csv", "parquet", "arrow"] as const;
const ZONED_TIMESTAMPS = ["error", "utc"] as const;

/**
 * Check `onInvalid` (from a config file, it escapes the compiler): `"error"`, `"drop"` or undefined; a TypeError
 * naming `caller`, the value and what is expected, so that no other value drops rows silently.
 * @example checkOnInvalid("skip", "readTable") // TypeError: readTable: onInvalid must be "error" or "drop", got "skip"
 */
export function checkOnInvalid(value: unknown, caller: string): void {
  if (value !== undefined && !(ON_INVALID as readonly unknown[]).includes(value)) {
    throw new TypeError(`${caller}: onInvalid must be "error" or "drop", got ${describeValue(value)}`);
  }
}

/**
 * Check `zonedTimestamps` (from a config file, it escapes the compiler): `"error"`, `"utc"` or undefined; a
 * TypeError naming `caller`, the value and what is expected.
 * @example checkZonedTimestamps("UTC", "readTable") // TypeError: readTable: zonedTimestamps must be "error" or "utc", got "UTC"
 */
export function checkZonedTimestamps(value: unknown, caller: string): void {
  if (value !== undefined && !(ZONED_TIMESTAMPS as readonly unknown[]).includes(value)) {
    throw new TypeError(`${caller}: zonedTimestamps must be "error" or "utc", got ${describeValue(value)}`);
  }
}

/**
 * Check the options of a read (readTable, readTableWithReport, readTableInBatches, pipeFrom) before any file is
 * opened: an unknown key (`onInvalide`) and a value of the wrong kind are TypeErrors naming the option, the value
 * and what is expected. The delimiter, aliases and bounds are checked where they are used, against the files.
 * @example checkReadOptions({ onInvalide: "drop" }, "readTable") // TypeError: readTable: unknown option "onInvalide" ...
 */
export function checkReadOptions(options: object, caller: string): void {
  for (const key of Object.keys(options)) {
    if (!(READ_OPTION_KEYS as readonly string[]).includes(key)) {
      throw new TypeError(
        `${caller}: unknown option "${key}"; the options are ${READ_OPTION_KEYS.join(", ")}`,
      );
    }
  }
  const { format, onInvalid, onProgress, workers, chunkSize, signal, zonedTimestamps } = options as Record<
    string,
    unknown
  >;
  checkOnInvalid(onInvalid, caller);
  checkZonedTimestamps(zonedTimestamps, caller);
  if (format !== undefined && !(FORMATS as readonly unknown[]).includes(format)) {
    throw new TypeError(
      `${caller}: format must be one of ${FORMATS.join(", ")}, got ${describeValue(format)}`,
    );
  }
  if (onProgress !== undefined && typeof onProgress !== "function") {
    throw new TypeError(`${caller}: onProgress must be a function, got ${describeValue(onProgress)}`);
  }
  if (signal !== undefined && !(signal instanceof AbortSignal)) {
    throw new TypeError(`${caller}: signal must be an AbortSignal, got ${describeValue(signal)}`);
  }
  if (workers !== undefined && !(Number.isSafeInteger(workers) && (workers as number) >= 0)) {
    throw new TypeError(`${caller}: workers must be a whole number ≥ 0, got ${describeValue(workers)}`);
  }
  if (chunkSize !== undefined && !(Number.isSafeInteger(chunkSize) && (chunkSize as number) > 0)) {
    throw new TypeError(
      `${caller}: chunkSize must be a whole number of bytes > 0, got ${describeValue(chunkSize)}`,
    );
  }
}
