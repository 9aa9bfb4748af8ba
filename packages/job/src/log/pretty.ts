import { formatWhole } from "@tablepipe/core/internal";

/** One log record as pino writes it (level as a label, time as epoch ms). */
export interface LogRecord {
  level?: unknown;
  time?: unknown;
  name?: unknown;
  msg?: unknown;
  [field: string]: unknown;
}

/** How {@link formatPrettyLine} renders a record. */
export interface PrettyOptions {
  /** Colour the level (ANSI escapes); only for terminals. */
  color: boolean;
  /** Print the stack of serialized errors below the line. */
  stacks: boolean;
}

const RESERVED = new Set(["level", "time", "name", "msg"]);

const LEVEL_COLORS: Record<string, string> = {
  debug: "\u001b[34m",
  info: "\u001b[32m",
  warn: "\u001b[33m",
  error: "\u001b[31m",
};
const RESET = "\u001b[0m";
const DIM = "\u001b[2m";

/**
 * One human-readable line: `[2018-02-04 18:00:42] INFO tip-model: message rows=1,234`, ending in a newline.
 * The time is the machine's local wall clock, to the second; whole numbers in fields have thousands separators.
 */
export function formatPrettyLine(record: LogRecord, options: PrettyOptions): string {
  const level = typeof record.level === "string" ? record.level : String(record.level ?? "");
  const time = typeof record.time === "number" ? formatLocalSecond(new Date(record.time)) : "";
  const label = level.toUpperCase();
  const coloredLabel =
    options.color && LEVEL_COLORS[level] ? `${LEVEL_COLORS[level]}${label}${RESET}` : label;
  const stamp = options.color ? `${DIM}[${time}]${RESET}` : `[${time}]`;
  const name = typeof record.name === "string" && record.name !== "" ? ` ${record.name}:` : "";
  let line = `${stamp} ${coloredLabel}${name} ${String(record.msg ?? "")}`;
  const stacks: string[] = [];
  for (const [key, value] of Object.entries(record)) {
    if (RESERVED.has(key)) continue;
    line += ` ${key}=${formatFieldValue(value)}`;
    if (options.stacks && isSerializedError(value) && typeof value.stack === "string")
      stacks.push(value.stack);
  }
  for (const stack of stacks) line += `\n${indent(stack)}`;
  return `${line}\n`;
}

/** `yyyy-MM-dd HH:mm:ss` in the local time zone. */
export function formatLocalSecond(date: Date): string {
  const pad = (n: number): string => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}

/** A field value as it appears after `key=`: bare when unambiguous, JSON otherwise. */
export function formatFieldValue(value: unknown): string {
  if (typeof value === "string") return /^[^\s"=\\]+$/.test(value) ? value : JSON.stringify(value);
  if (typeof value === "number" && Number.isSafeInteger(value)) return formatWhole(value);
  if (typeof value === "number" || typeof value === "boolean" || value === null) return String(value);
  if (isSerializedError(value)) {
    const type = typeof value.type === "string" && value.type !== "Error" ? `${value.type}: ` : "";
    return JSON.stringify(`${type}${value.message}`);
  }
  return JSON.stringify(value) ?? String(value);
}

interface SerializedError {
  type?: unknown;
  message: string;
  stack?: unknown;
}

function isSerializedError(value: unknown): value is SerializedError {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as { message?: unknown }).message === "string" &&
    typeof (value as { stack?: unknown }).stack === "string"
  );
}

function indent(text: string): string {
  return text
    .split("\n")
    .map((l) => `    ${l}`)
    .join("\n");
}
