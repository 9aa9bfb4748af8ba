import { TableReadError } from "../errors";
import type { ColumnSpec } from "./schema-columns";

/** Other names a schema column may have in a file, e.g. `{ rate_code: ["RatecodeID", "rate_code_id"] }`. */
export type ColumnAliases = Readonly<Record<string, readonly string[] | undefined>>;

/**
 * The form in which column names are compared: lower case, without `_`, `-` and white space.
 * @example normalizeColumnName("RatecodeID") === normalizeColumnName("ratecode_id") // "ratecodeid"
 */
export function normalizeColumnName(name: string): string {
  return name.toLowerCase().replace(/[_\-\s]/g, "");
}

/** Throw when `aliases` names a column the schema does not have (a typo there would otherwise go unnoticed). */
export function checkAliases(specs: readonly ColumnSpec[], aliases: ColumnAliases | undefined): void {
  if (aliases === undefined) return;
  const names = new Set(specs.map((s) => s.name));
  for (const key of Object.keys(aliases)) {
    if (!names.has(key)) {
      throw new TypeError(
        `aliases name the column "${key}", which the schema does not have (schema columns: ${[...names].join(", ")})`,
      );
    }
  }
}

/** The names tried for a schema column: its own, then its aliases (duplicates after normalising removed). */
export function candidateNames(spec: ColumnSpec, aliases: ColumnAliases | undefined): string[] {
  const seen = new Set<string>();
  const names: string[] = [];
  for (const name of [spec.name, ...(aliases?.[spec.name] ?? [])]) {
    const key = normalizeColumnName(name);
    if (!seen.has(key)) {
      seen.add(key);
      names.push(name);
    }
  }
  return names;
}

/**
 * For each schema column, the index of the file column that holds it (-1: absent, allowed only for
 * `.optional()`/`.default()` columns). File columns the schema does not name are ignored.
 * @example mapColumns("t.csv", ["VendorID", "RatecodeID"], specs, { rate_code: ["RatecodeID"] }) // [-1 or 0, 1]
 */
export function mapColumns(
  file: string,
  header: readonly string[],
  specs: readonly ColumnSpec[],
  aliases: ColumnAliases | undefined,
): number[] {
  const owner = new Map<string, number>(); // normalised name -> schema column index
  specs.forEach((spec, c) => {
    for (const name of candidateNames(spec, aliases)) {
      const key = normalizeColumnName(name);
      const other = owner.get(key);
      if (other !== undefined && other !== c) {
        throw new TypeError(
          `the name "${name}" would match both schema columns ${specs[other]?.name} and ${spec.name}; remove it from one of them`,
        );
      }
      owner.set(key, c);
    }
  });
  const found = specs.map(() => -1);
  header.forEach((name, index) => {
    const c = owner.get(normalizeColumnName(name));
    if (c === undefined) return;
    const previous = found[c] as number;
    if (previous >= 0) {
      throw new TableReadError({
        file,
        column: specs[c]?.name,
        reason: `the file columns "${header[previous]}" (column ${previous + 1}) and "${name}" (column ${
          index + 1
        }) both match this schema column; rename or drop one of them`,
      });
    }
    found[c] = index;
  });
  specs.forEach((spec, c) => {
    if (found[c] !== -1 || spec.optional) return;
    throw new TableReadError({
      file,
      column: spec.name,
      reason: `column not found; tried ${candidateNames(spec, aliases)
        .map((n) => JSON.stringify(n))
        .join(", ")} (ignoring case, "_", "-" and spaces); the file has: ${header.join(", ")}${
        found.every((f) => f === -1) ? delimiterHint(header) : ""
      }`,
    });
  });
  return found;
}

/**
 * When a header holds none of the schema's columns: a hint naming the `delimiter` option if its names hold a
 * `;` or a tab (a file split by another delimiter than the one read with), else "".
 */
function delimiterHint(header: readonly string[]): string {
  const text = header.join("");
  const other = [";", "\t"].find((d) => text.includes(d));
  if (other === undefined) return "";
  const shown = JSON.stringify(other);
  return `; its header holds ${shown}: if the file is separated by ${shown}, read it with { delimiter: ${shown} }`;
}
