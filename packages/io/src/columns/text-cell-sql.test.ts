import { describe, expect, it } from "vitest";
import * as z from "zod";
import { columnKinds } from "../read/schema-columns";
import type { TextCellDialect } from "./text-cell-dialect";
import { textCellParts } from "./text-cell-sql";

/**
 * A dialect whose costly calls (the trim, regular expressions) leave a marker in the SQL, so that a test can see
 * in which part each is computed.
 */
const MARKED: TextCellDialect = {
  types: { int: "BIGINT", float: "DOUBLE", string: "TEXT", boolean: "BOOLEAN", timestamp: "TIMESTAMP" },
  string: (text) => `'${text.replaceAll("'", "''")}'`,
  oneOf: (value, values) => `${value} IN (${values.map((v) => `'${v}'`).join(", ")})`,
  fullMatch: (text, pattern) => `REGEX(${text}, ${pattern.length})`,
  trimSpaceTab: (text) => `TRIM(${text})`,
  isFinite: (double) => `finite(${double})`,
  struct: (fields) => `struct(${fields.map(([name, value]) => `${name}: ${value}`).join(", ")})`,
  groups: (text, pattern, fields) => `GROUPS(${text}, ${pattern.length}, ${fields.length})`,
  lastDay: () => "31",
  timestamp: (f) =>
    `stamp(${f.year}, ${f.month}, ${f.day}, ${f.hour}, ${f.minute}, ${f.second}, ${f.millisecond})`,
};

const SPECS = columnKinds(
  z.object({
    float: z.number(),
    int: z.int().default(7),
    string: z.string(),
    enum: z.enum(["N", "Y"]).nullable(),
    boolean: z.boolean(),
    timestamp: z.date(),
  }),
);
const NAMES = { t: "T_", p: "P_", e: "E_", x: "X_" };

describe("textCellParts", () => {
  // Spark plans each part once only when the layers read the parts before by name: with the trim or a regular
  // expression repeated in a later layer, a read of 50k rows took 82 s
  it.each(SPECS.map((spec) => [spec.kind, spec] as const))(
    "%s: the trim, each regular expression and the group extraction are computed once, each in its own layer",
    (_kind, spec) => {
      const parts = textCellParts(MARKED, spec, "R_", NAMES);
      const all = [parts.trimmed, ...parts.fields, ...parts.parsed, parts.value, parts.bad].join("\n");
      expect(all.match(/TRIM\(/g)).toEqual(["TRIM("]);
      expect(parts.trimmed).toBe("TRIM(R_) AS T_");
      // the fields of a time stamp over the trimmed text, each layout's pattern tested once, its groups taken once
      const later = [...parts.parsed, parts.value, parts.bad].join("\n");
      expect(later).not.toMatch(/GROUPS\(|TRIM\(/);
      if (spec.kind === "timestamp") {
        expect(parts.fields).toHaveLength(1);
        expect(parts.fields[0]?.match(/REGEX\(T_, \d+\)/g)).toHaveLength(2);
        expect(parts.fields[0]?.match(/GROUPS\(T_, \d+, 8\)/g)).toHaveLength(1);
        expect(parts.fields[0]).toMatch(/ AS P_$/);
        expect(later).not.toMatch(/REGEX\(/);
      } else {
        expect(parts.fields).toEqual([]);
      }
      // numbers: one regular expression over the trimmed text, in the parsed layer
      const regexes = parts.parsed.join("\n").match(/REGEX\(/g) ?? [];
      expect(regexes).toHaveLength(spec.kind === "float" || spec.kind === "int" ? 1 : 0);
      // the value and the flag read the empty flag and the parsed value by name only
      for (const last of [parts.value, parts.bad]) {
        expect(last).not.toMatch(/R_|T_|P_|REGEX\(/);
        expect(last).toMatch(/E_/);
      }
    },
  );
});
