import { withArticle } from "@tablepipe/core/internal";
import type * as z from "zod";
import { type CrossFieldCheck, crossFieldCheckOf } from "./cross-field-check";
import { ConfigError, type ConfigErrorDetails } from "./errors";
import { expectation, formatFlagValue, withImplicitBound } from "./field-text";
import type { ConfigField } from "./fields";
import { typedFlag } from "./flag-conditions";
import type { ConfigSchema } from "./schema";

/** Where the values handed to {@link validateConfig} came from, so errors can point at the flag or file key. */
export interface ValueSources {
  /** Values from flags, by field. */
  flags: ReadonlyMap<ConfigField, unknown>;
  /** The config file and its (already key-checked) values, if one was given. */
  file?: { path: string; values: Record<string, unknown> };
}

/**
 * Merge file values and flag values (flags win), then parse with the schema, which fills the defaults and
 * runs refinements; the first problem becomes a {@link ConfigError} naming the flag or the file key.
 */
export function validateConfig<S extends ConfigSchema>(
  schema: S,
  fields: readonly ConfigField[],
  sources: ValueSources,
): z.output<S> {
  const raw = mergeValues(sources, fields);
  const result = schema.safeParse(raw);
  if (result.success) return result.data as z.output<S>;
  const [first, ...others] = result.error.issues;
  if (first === undefined) throw new ConfigError("invalid configuration", { kind: "invalid-config" });
  // Further issues on the same value are echoes of the first (zod checks a string's length after its type).
  const firstPath = first.path.join(".");
  const rest = others.filter((issue) => issue.path.join(".") !== firstPath);
  const problem = describeIssue(first, fields, raw, sources);
  const more = rest.length === 0 ? "" : ` (and ${rest.length} more problem${rest.length === 1 ? "" : "s"})`;
  throw new ConfigError(`${problem.message}${more}`, problem.details);
}

/**
 * The raw input for the schema: file values overlaid with flag values, groups merged field by field. A group
 * given in part is completed from the defaults, its own fields' or the group's (`.default({...})`).
 */
export function mergeValues(sources: ValueSources, fields: readonly ConfigField[]): Record<string, unknown> {
  const raw: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(sources.file?.values ?? {})) {
    raw[key] = isRecord(value) ? { ...value } : value;
  }
  for (const [field, value] of sources.flags) {
    const [top, inner] = field.path;
    if (top === undefined) continue;
    if (inner === undefined) {
      raw[top] = value;
    } else {
      const group = raw[top];
      raw[top] = { ...(isRecord(group) ? group : {}), [inner]: value };
    }
  }
  for (const field of fields) {
    const [top, inner] = field.path;
    if (top === undefined || inner === undefined || !field.hasDefault) continue;
    const group = raw[top];
    if (isRecord(group) && !(inner in group)) group[inner] = field.defaultValue;
  }
  return raw;
}

type Issue = z.core.$ZodIssue;

interface Problem {
  message: string;
  details: ConfigErrorDetails;
}

function problemOf(message: string, details: ConfigErrorDetails): Problem {
  return { message, details };
}

/** One zod issue as a message that names the flag (or file key), the expectation and the value. */
function describeIssue(
  issue: Issue,
  fields: readonly ConfigField[],
  raw: Record<string, unknown>,
  sources: ValueSources,
): Problem {
  const crossCheck = crossFieldCheckOf(issue);
  if (crossCheck !== undefined) return describeCrossFieldIssue(crossCheck, fields, raw, sources);
  const path = issue.path.map(String);
  const field = fields
    .filter((f) => f.path.every((part, i) => path[i] === part))
    .sort((a, b) => b.path.length - a.path.length)[0];
  const file = sources.file;
  if (field === undefined) {
    if (path.length === 0)
      return problemOf(`invalid configuration: ${issue.message}`, { kind: "invalid-config" });
    const key = path.join(".");
    if (file !== undefined && hasPath(file.values, path)) {
      return problemOf(`${file.path}: ${key}: ${issue.message}`, {
        kind: "config-file",
        flag: "--config",
        file: file.path,
        key,
      });
    }
    return problemOf(`${key}: ${issue.message}`, { kind: "invalid-config", key });
  }

  const key = field.path.join(".");
  const value = getPath(raw, field.path);
  const fromFlag = sources.flags.has(field);
  const fromFile = !fromFlag && file !== undefined && hasPath(file.values, field.path);
  if (value === undefined && issue.code === "invalid_type") {
    return problemOf(`${field.flag} is required: expected ${expectation(field)}`, {
      kind: "missing-value",
      flag: field.flag,
    });
  }
  const where = fromFile && file ? `${file.path}: ${key}` : field.flag;
  const details: ConfigErrorDetails =
    fromFile && file
      ? { kind: "config-file", flag: "--config", file: file.path, key }
      : { kind: "invalid-value", flag: field.flag };
  const element = fromFlag || fromFile ? elementIssue(issue, field, value) : undefined;
  if (element !== undefined) return problemOf(`${where}: ${element}`, details);
  const got =
    fromFlag || fromFile
      ? formatFlagValue(value)
      : field.hasDefault
        ? `the default ${formatFlagValue(field.defaultValue)}`
        : "no value";
  const expected = issueExpectation(issue, field);
  return problemOf(
    expected === undefined
      ? `${where}: ${issue.message} (got ${got})`
      : `${where}: expected ${expected}, got ${got}`,
    details,
  );
}

/** Where a field of a cross-field check got its value. */
type ValueSource = "flag" | "file" | "default";

/**
 * A failed {@link crossFieldCheck}: its message with each field named as it was given, with its value: the flag
 * (`--history-start-month "201811"`; a boolean as typed, `--no-cache`), the config file's key (the message
 * then starts with the file's path), or the flag with its default (`--history-end-month "201811" (the
 * default)`). The error points at the first field given, by flag or in the file.
 */
function describeCrossFieldIssue(
  check: CrossFieldCheck,
  fields: readonly ConfigField[],
  raw: Record<string, unknown>,
  sources: ValueSources,
): Problem {
  const file = sources.file;
  const named = check.paths.map((path) => {
    const key = path.join(".");
    const field = fields.find(
      (f) => f.path.length === path.length && f.path.every((part, i) => path[i] === part),
    );
    if (field === undefined) {
      return { key, field, source: undefined, name: `${key} ${formatFlagValue(getPath(raw, path))}` };
    }
    if (sources.flags.has(field)) {
      return {
        key,
        field,
        source: "flag" as ValueSource,
        name: flagWithValue(field, sources.flags.get(field)),
      };
    }
    if (file !== undefined && hasPath(file.values, path)) {
      const name = `${key} ${formatFlagValue(getPath(file.values, path))}`;
      return { key, field, source: "file" as ValueSource, name };
    }
    const name = field.hasDefault
      ? `${flagWithValue(field, field.defaultValue)} (the default)`
      : `${field.flag} (not given)`;
    return { key, field, source: "default" as ValueSource, name };
  });
  const fromFile = file !== undefined && named.some((n) => n.source === "file");
  const message = `${fromFile ? `${file.path}: ` : ""}${check.message(named.map((n) => n.name))}`;
  const blamed = named.find((n) => n.source === "flag" || n.source === "file") ?? named.find((n) => n.field);
  if (blamed?.field === undefined) return problemOf(message, { kind: "invalid-config" });
  if (blamed.source === "file" && file !== undefined) {
    return problemOf(message, { kind: "config-file", flag: "--config", file: file.path, key: blamed.key });
  }
  return problemOf(message, { kind: "invalid-value", flag: blamed.field.flag });
}

/** A field's flag with a value, as typed: `--seed 7`, `--month "201811"`; a boolean `--cache` or `--no-cache`. */
function flagWithValue(field: ConfigField, value: unknown): string {
  if (field.kind === "boolean" && typeof value === "boolean") return typedFlag(field, value);
  return `${field.flag} ${formatFlagValue(value)}`;
}

/**
 * An issue inside an array's element, as `element 2: expected one of "paid", "refunded", got "shipped"`
 * (counted from 1), or undefined when the issue is about the value itself.
 */
function elementIssue(issue: Issue, field: ConfigField, value: unknown): string | undefined {
  const index = issue.path[field.path.length];
  if (typeof index !== "number" || !Array.isArray(value)) return undefined;
  const inner = issue.path.slice(field.path.length + 1).map(String);
  const label = `element ${index + 1}${inner.length === 0 ? "" : `: ${inner.join(".")}`}`;
  const expected =
    inner.length === 0 && field.item !== undefined ? issueExpectation(issue, field.item) : undefined;
  if (expected === undefined) return `${label}: ${issue.message}`;
  return `${label}: expected ${expected}, got ${formatFlagValue(value[index])}`;
}

/** What the issue says the value should have been, or undefined when only its message can tell. */
function issueExpectation(issue: Issue, field: ConfigField): string | undefined {
  switch (issue.code) {
    case "invalid_type":
      return field.kind === "json" ? withArticle(issue.expected) : expectation(field);
    case "invalid_value":
      return expectation(field);
    case "too_big":
    case "too_small": {
      if (issue.origin === "array" || issue.origin === "set") {
        const bound = issue.code === "too_big" ? `at most ${issue.maximum}` : `at least ${issue.minimum}`;
        return `${withArticle(issue.origin)} of ${bound} items`;
      }
      if (field.kind === "json") return undefined;
      return issue.code === "too_big"
        ? withImplicitBound(expectation(field), field, "maximum", issue.maximum)
        : withImplicitBound(expectation(field), field, "minimum", issue.minimum);
    }
    case "invalid_format":
      // A schema's own message ("expected a month as yyyyMM, e.g. 201703") says it better than the pattern.
      if (!issue.message.startsWith("Invalid")) return issue.message.replace(/^expected /, "");
      if (issue.format !== "regex" || issue.pattern === undefined) return `a valid ${issue.format}`;
      return `a string matching ${issue.pattern.startsWith("/") ? issue.pattern : `/${issue.pattern}/`}`;
    case "not_multiple_of":
      return `a multiple of ${issue.divisor}`;
    default:
      return undefined;
  }
}

function getPath(value: unknown, path: readonly string[]): unknown {
  let current = value;
  for (const part of path) current = isRecord(current) ? current[part] : undefined;
  return current;
}

function hasPath(value: unknown, path: readonly string[]): boolean {
  let current = value;
  for (const part of path) {
    if (!isRecord(current) || !(part in current)) return false;
    current = current[part];
  }
  return true;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
