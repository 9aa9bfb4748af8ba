import type { ConfigField } from "./fields";

/**
 * What a field accepts, as it reads after "expected".
 * @example expectation(testFraction) === "a number > 0 and < 1"
 */
export function expectation(field: ConfigField): string {
  switch (field.kind) {
    case "integer":
      return withRange("an integer", field);
    case "number":
      return withRange("a number", field);
    case "boolean":
      return "true or false";
    case "enum":
      return `one of ${(field.choices ?? []).map(formatFlagValue).join(", ")}`;
    case "string":
      return field.expected ?? stringExpectation("a string", field);
    case "list":
      return "an array";
    default:
      return field.typeName === "json" ? "a JSON value" : `an ${field.typeName}`;
  }
}

/** How a list is typed on the command line, for help and docs. */
const LIST_FORMAT = "comma-separated or the flag repeated";

/**
 * The type and constraints of a field for help and docs.
 * @example typeSummary(testFraction) === "number > 0 and < 1"
 */
export function typeSummary(field: ConfigField): string {
  switch (field.kind) {
    case "integer":
    case "number":
      return withRange(field.kind, field);
    case "enum":
      return `one of: ${(field.choices ?? []).map(String).join(", ")}`;
    case "string":
      return field.expected ?? stringExpectation("string", field);
    case "list": {
      const item = field.item;
      if (item === undefined) return field.typeName;
      const of =
        item.kind === "enum"
          ? `list of: ${(item.choices ?? []).map(String).join(", ")}`
          : `list of ${typeSummary(item)}`;
      return `${of}; ${LIST_FORMAT}`;
    }
    default:
      return field.typeName;
  }
}

/** The placeholder after a flag in help, e.g. `<number>`, `<choice,...>` for a list; empty for booleans. */
export function valuePlaceholder(field: ConfigField): string {
  if (field.kind === "boolean") return "";
  return field.item === undefined ? `<${field.typeName}>` : `<${field.item.typeName},...>`;
}

/** A value as it appears in messages and help: JSON, so strings are quoted. */
export function formatFlagValue(value: unknown): string {
  if (value === undefined) return "undefined";
  if (typeof value === "number" && !Number.isFinite(value)) return String(value);
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/**
 * An expectation with the bound a value broke when the field does not state it: `z.int()` holds safe integers
 * only (`--seed 99999999999999999999`: "an integer <= 9007199254740991").
 */
export function withImplicitBound(
  text: string,
  field: ConfigField,
  broke: "maximum" | "minimum",
  bound: unknown,
): string {
  if (field.kind !== "integer" && field.kind !== "number") return text;
  const and = /[<>]/.test(text) ? " and" : "";
  if (broke === "maximum" && field.maximum === undefined && field.exclusiveMaximum === undefined) {
    return `${text}${and} <= ${bound}`;
  }
  if (broke === "minimum" && field.minimum === undefined && field.exclusiveMinimum === undefined) {
    return `${text}${and} >= ${bound}`;
  }
  return text;
}

function withRange(subject: string, field: ConfigField): string {
  const parts: string[] = [];
  if (field.exclusiveMinimum !== undefined) parts.push(`> ${field.exclusiveMinimum}`);
  else if (field.minimum !== undefined) parts.push(`>= ${field.minimum}`);
  if (field.exclusiveMaximum !== undefined) parts.push(`< ${field.exclusiveMaximum}`);
  else if (field.maximum !== undefined) parts.push(`<= ${field.maximum}`);
  return parts.length === 0 ? subject : `${subject} ${parts.join(" and ")}`;
}

function stringExpectation(subject: string, field: ConfigField): string {
  let text = subject;
  if (field.pattern !== undefined) text += ` matching /${field.pattern}/`;
  const { minLength: min, maxLength: max } = field;
  if (min !== undefined && max !== undefined)
    text += min === max ? ` of ${min} characters` : ` of ${min} to ${max} characters`;
  else if (min === 1) text = subject === "string" ? `non-empty ${text}` : `a non-empty ${text.slice(2)}`;
  else if (min !== undefined) text += ` of at least ${min} characters`;
  else if (max !== undefined) text += ` of at most ${max} characters`;
  return text;
}
