import { FLOAT_TEXT, INT_TEXT } from "@tablepipe/core/internal";
import { ConfigError } from "./errors";
import { expectation, formatFlagValue, withImplicitBound } from "./field-text";
import type { ConfigField } from "./fields";

/** A number flag's text, as readTable reads a float column's (spaces and tabs around it allowed). */
const NUMBER = new RegExp(`^[ \\t]*(?:${FLOAT_TEXT})[ \\t]*$`);
/** An integer flag's text, as readTable reads an int column's: digits (`12`, `-3`, `12.00`); not `1e3` or `0x10`. */
const INTEGER = new RegExp(`^[ \\t]*(?:${INT_TEXT})[ \\t]*$`);

/** What {@link scalarValue} returns for text that is not of the field's type. */
const INVALID: unique symbol = Symbol("invalid");

/**
 * Turn the text after a flag into the value the schema expects (ranges and refinements are checked later,
 * by the schema); throws a {@link ConfigError} naming the flag when the text cannot be that type. A list
 * field takes `a,b`, a JSON array, or the flag repeated: `previous` is what earlier occurrences gave.
 * @example parseFlagValue(testFraction, "0.3") === 0.3
 */
export function parseFlagValue(field: ConfigField, text: string, previous?: unknown): unknown {
  if (field.kind === "list" && field.item !== undefined) return parseList(field, field.item, text, previous);
  if (field.kind === "json") return parseJson(text);
  const value = scalarValue(field, text);
  if (value === INVALID) throw invalid(field, text, field.flag);
  refuseUnsafeInteger(field, text, value, field.flag);
  return value;
}

/** A list flag's elements, after those of its earlier occurrences; JSON arrays are checked by the schema. */
function parseList(field: ConfigField, item: ConfigField, text: string, previous: unknown): unknown {
  const before = Array.isArray(previous) ? previous : [];
  const trimmed = text.trim();
  if (trimmed.startsWith("[")) {
    const parsed = parseJson(trimmed);
    if (!Array.isArray(parsed)) {
      throw new ConfigError(
        `${field.flag}: expected a JSON array or values separated by commas, got ${formatFlagValue(text)}`,
        { kind: "invalid-value", flag: field.flag },
      );
    }
    return [...before, ...parsed];
  }
  const parts = trimmed === "" ? [] : trimmed.split(",").map((part) => part.trim());
  return [
    ...before,
    ...parts.map((part, i) => {
      const where = `${field.flag}: element ${before.length + i + 1}`;
      const value = scalarValue(item, part);
      if (value === INVALID) throw invalid(item, part, where);
      refuseUnsafeInteger(item, part, value, where);
      return value;
    }),
  ];
}

/** The text as the field's scalar type, or {@link INVALID}. */
function scalarValue(field: ConfigField, text: string): unknown {
  switch (field.kind) {
    case "number":
    case "integer": {
      const value = (field.kind === "number" ? NUMBER : INTEGER).test(text) ? Number(text) : Number.NaN;
      return Number.isFinite(value) ? value : INVALID;
    }
    case "enum":
      return field.choices?.find((c) => String(c) === text) ?? INVALID;
    case "boolean":
      return text === "true" ? true : text === "false" ? false : INVALID;
    default:
      return text;
  }
}

/**
 * Refuse an integer flag's digits past ±(2^53 − 1), quoting them as typed: as a double they would round
 * (`9007199254740993` to `…992`), and the schema's error would quote that other number. A safe integer passes.
 */
function refuseUnsafeInteger(field: ConfigField, text: string, value: unknown, where: string): void {
  if (field.kind !== "integer" || typeof value !== "number" || Number.isSafeInteger(value)) return;
  const expected =
    value > 0
      ? withImplicitBound(expectation(field), field, "maximum", Number.MAX_SAFE_INTEGER)
      : withImplicitBound(expectation(field), field, "minimum", Number.MIN_SAFE_INTEGER);
  throw new ConfigError(`${where}: expected ${expected}, got ${text.trim()}`, {
    kind: "invalid-value",
    flag: field.flag,
  });
}

/** For an integer flag given a whole number in another form (`1e3`): how to write it in digits. */
function digitsHint(field: ConfigField, text: string): string {
  if (field.kind !== "integer" || !NUMBER.test(text)) return "";
  const value = Number(text);
  return Number.isSafeInteger(value) ? ` (write it in digits: ${value})` : "";
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** The error for text that is not of the field's type; ranges are the schema's to report. */
function invalid(field: ConfigField, text: string, where: string): ConfigError {
  const expected =
    field.kind === "integer" ? "an integer" : field.kind === "number" ? "a number" : expectation(field);
  return new ConfigError(
    `${where}: expected ${expected}, got ${formatFlagValue(text)}${digitsHint(field, text)}`,
    {
      kind: "invalid-value",
      flag: field.flag,
    },
  );
}
