import { describeValue } from "../values/describe-value";

/** True for a non-empty string, or (for a list param) an array of them. */
function isNames(value: unknown, list: boolean): boolean {
  const isName = (v: unknown) => typeof v === "string" && v.length > 0;
  return list ? Array.isArray(value) && value.every(isName) : isName(value);
}

/**
 * Throw a `TypeError` unless `spec`, the argument of a column param (`needs`, `needsEach`, `adds`, `removes`),
 * is nothing, a column name (a list of names for a list param), or options with a `type` and such a `default`:
 * from JavaScript a wrong one would otherwise become a column named "[object Object]".
 * @example checkColumnSpec("needs", false, { default: "x" }) // throws: the options have no type
 */
export function checkColumnSpec(call: string, list: boolean, spec: unknown): void {
  if (spec === undefined || isNames(spec, list)) return;
  const names = list ? "a list of column names" : "a column name";
  const example = list ? '["x"]' : '"x"';
  const isOptions = typeof spec === "object" && spec !== null && !Array.isArray(spec);
  if (isOptions && !("type" in spec)) {
    throw new TypeError(
      `${call}(${describeValue(spec)}): options need a type, e.g. ${call}({ type: "int", default: ${example} }); ` +
        `for a column of any type, pass its default name alone: ${call}(${example})`,
    );
  }
  if (isOptions) {
    const given = (spec as { default?: unknown }).default;
    if (given === undefined || isNames(given, list)) return;
    throw new TypeError(
      `${call}(...): the default must be ${names}, e.g. default: ${example}; got ${describeValue(given)}`,
    );
  }
  throw new TypeError(
    `${call}(...): expected ${names} (the default, e.g. ${call}(${example})), options with a type, or nothing; ` +
      `got ${describeValue(spec)}`,
  );
}
