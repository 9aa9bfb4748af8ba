import { readFileSync } from "node:fs";

let cached: string | undefined;

/**
 * The installed @tablepipe/tip-model's version, read from its package.json (beside `src/` and `dist/`).
 * @example tipModelVersion() // "0.1.0"
 */
export function tipModelVersion(): string {
  cached ??= (
    JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string }
  ).version;
  return cached;
}
