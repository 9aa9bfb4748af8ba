import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { withArticle } from "@tablepipe/core/internal";
import { ConfigError } from "./errors";
import { formatFlagValue } from "./field-text";
import type { ConfigField } from "./fields";
import { closestName } from "./suggest";

/**
 * Read a JSON config file and check its keys against the schema's fields (values are checked later by the
 * schema). Keys are the schema's own keys; nested groups are nested objects. A `$schema` key is ignored.
 * @example readConfigFile("tip.json", configFields(schema)) // { test_fraction: 0.1 }
 */
export function readConfigFile(
  path: string,
  fields: readonly ConfigField[],
  cwd: string = process.cwd(),
): Record<string, unknown> {
  const fail = (message: string, key?: string): ConfigError =>
    new ConfigError(`${path}: ${message}`, { kind: "config-file", flag: "--config", file: path, key });
  let text: string;
  try {
    text = readFileSync(resolve(cwd, path), "utf8");
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === "ENOENT") throw fail("config file not found");
    if (code === "EISDIR") throw fail("cannot read config file: it is a directory");
    throw fail(`cannot read config file: ${(error as Error).message}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw fail(`invalid JSON: ${describeJsonError(error as Error, text)}`);
  }
  if (!isRecord(data)) throw fail(`expected a JSON object of config keys, got ${jsonType(data)}`);

  const groups = new Map<string, string[]>();
  const topKeys = new Set<string>();
  for (const field of fields) {
    const [top, inner] = field.path;
    if (top === undefined) continue;
    topKeys.add(top);
    if (inner !== undefined) groups.set(top, [...(groups.get(top) ?? []), inner]);
  }
  const values: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) {
    if (key === "$schema") continue;
    if (!topKeys.has(key))
      throw fail(`unknown key ${formatFlagValue(key)}${suggestion(key, [...topKeys])}`, key);
    const inner = groups.get(key);
    if (inner !== undefined) {
      if (!isRecord(value)) throw fail(`${key}: expected an object, got ${formatFlagValue(value)}`, key);
      for (const innerKey of Object.keys(value)) {
        if (!inner.includes(innerKey)) {
          const dotted = `${key}.${innerKey}`;
          const close = closestName(innerKey, inner);
          const hint = close === undefined ? "" : ` (did you mean ${formatFlagValue(`${key}.${close}`)}?)`;
          throw fail(`unknown key ${formatFlagValue(dotted)}${hint}`, dotted);
        }
      }
      values[key] = { ...value };
    } else {
      values[key] = value;
    }
  }
  return values;
}

function suggestion(key: string, candidates: readonly string[]): string {
  const close = closestName(key, candidates);
  return close === undefined ? "" : ` (did you mean ${formatFlagValue(close)}?)`;
}

/** JSON.parse's message, with a line and column added when it only gives a position. */
function describeJsonError(error: Error, text: string): string {
  const match = /at position (\d+)/.exec(error.message);
  if (match?.[1] === undefined || /line \d+/.test(error.message)) return error.message;
  const before = text.slice(0, Number(match[1]));
  const line = before.split("\n").length;
  const column = before.length - before.lastIndexOf("\n");
  return `${error.message} (line ${line}, column ${column})`;
}

function jsonType(value: unknown): string {
  if (Array.isArray(value)) return "an array";
  if (value === null) return "null";
  return withArticle(typeof value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
