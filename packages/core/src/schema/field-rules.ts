/**
 * The value rules of a zod field, read once: its checks (`.min()`, `.regex()`, `z.email()`, `.refine()`, ...) as
 * {@link ValueRule}s, and the allowed values of a `z.enum([...])` or `z.literal(...)`. Shared by readTable (its
 * column specs) and `typedTable`, so both check the same rules with the same words.
 */

import { rulesOfCheck, type ValueRule } from "./value-rules";

type ZodCheckNode = Parameters<typeof rulesOfCheck>[0];

interface ZodNode {
  _zod: { def: ZodDef };
}
interface ZodDef {
  type: string;
  check?: string;
  checks?: ZodCheckNode[];
  innerType?: ZodNode;
  defaultValue?: unknown;
  entries?: Record<string, unknown>;
  values?: readonly unknown[];
}

/** A field's rules and allowed values; `timestamp` when its leaf is a `z.date()` (rules on epoch milliseconds). */
export interface FieldRules {
  readonly rules: readonly ValueRule[];
  /** The allowed values of an enum or literal leaf; absent for any other leaf. */
  readonly values?: readonly unknown[];
  readonly timestamp: boolean;
}

/**
 * The rules of a zod field, from its checks on the way in through `.nullable()`, `.optional()`, `.default()`, ...
 * to its leaf (a check on a wrapper outside a nullable layer is a refinement zod calls for `null` too).
 * @example fieldRules(z.int().min(0)).rules[0].words // "at least 0"
 */
export function fieldRules(field: unknown): FieldRules {
  let node = field as ZodNode;
  let nullable = false;
  /** The checks met on the way in, with whether a wrapper held them (zod calls those for null). */
  const checks: { check: ZodCheckNode; outside: boolean }[] = [];
  for (;;) {
    const def = node._zod.def;
    const isWrapper = def.innerType !== undefined;
    for (const check of def.checks ?? []) checks.push({ check, outside: isWrapper });
    if (def.type === "nullable" || def.type === "optional") nullable = true;
    if ((def.type === "default" || def.type === "prefault") && def.defaultValue === null) nullable = true;
    if (!isWrapper) {
      // a leaf that is itself a check (z.email(), z.int32()) carries its rule in its own definition
      if (def.check !== undefined) checks.push({ check: node as unknown as ZodCheckNode, outside: false });
      const timestamp = def.type === "date";
      const rules = checks.flatMap(({ check, outside }) =>
        rulesOfCheck(check, timestamp, outside && nullable),
      );
      const values =
        def.type === "enum"
          ? Object.values(def.entries ?? {})
          : def.type === "literal"
            ? (def.values ?? [])
            : undefined;
      return { rules, timestamp, ...(values !== undefined ? { values } : {}) };
    }
    node = def.innerType as ZodNode;
  }
}

/** The words of each check on a whole row schema (`z.object({...}).refine(...)`), none checkable value by value. */
export function rowCheckWords(schema: unknown): string[] {
  const checks = (schema as ZodNode)._zod.def.checks ?? [];
  return checks.map((check) => rulesOfCheck(check, false, false)[0]?.words ?? "a check");
}
