import { ConfigError } from "./errors";
import { expectation, formatFlagValue } from "./field-text";
import type { ConfigField } from "./fields";

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/**
 * Turn the text after a flag into the value the schema expects (ranges and refinements are checked later,
 * by the schema); throws a {@link ConfigError} naming the flag when the text cannot be that type.
 * @example parseFlagValue(testFraction, "0.3") === 0.3
 */
export function parseFlagValue(field: ConfigField, text: string): unknown {
  switch (field.kind) {
    case "number":
    case "integer": {
      const value = NUMBER.test(text.trim()) ? Number(text) : Number.NaN;
      if (!Number.isFinite(value) || (field.kind === "integer" && !Number.isInteger(value))) {
        throw invalid(field, text);
      }
      return value;
    }
    case "enum": {
      const choice = field.choices?.find((c) => String(c) === text);
      if (choice === undefined) throw invalid(field, text);
      return choice;
    }
    case "json":
      try {
        return JSON.parse(text);
      } catch {
        return text;
      }
    default:
      return text;
  }
}

/** The error for text that is not of the field's type; ranges are the schema's to report. */
function invalid(field: ConfigField, text: string): ConfigError {
  const expected =
    field.kind === "integer" ? "an integer" : field.kind === "number" ? "a number" : expectation(field);
  return new ConfigError(`${field.flag}: expected ${expected}, got ${formatFlagValue(text)}`, {
    kind: "invalid-value",
    flag: field.flag,
  });
}
