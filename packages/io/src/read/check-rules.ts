/**
 * Checking a batch's values against the schema's value rules, after parsing, on the typed values in the
 * builders: only the columns that have rules are visited, so a schema without rules costs nothing here. The
 * loop over the values lives in a scanner per kind of rule set (a range of numbers, one test, several), so
 * each loop sees one shape of rule only.
 */

import { compileRule, type RuleTest, type ValueRule } from "@tablepipe/core/internal";
import type { ColumnBuilder } from "../columns/builder-support";
import type { BatchIssues } from "../columns/invalid-values";
import type { ColumnSpec } from "./schema-columns";

/** The index of the first value in `[from, to)` that may break a rule (then the tests tell which), or -1. */
type Scan = (values: ArrayLike<unknown>, from: number, to: number) => number;

/** The compiled rules of one column. */
interface ColumnRules {
  readonly column: number;
  readonly tests: readonly RuleTest[];
  /** Finds the next suspect value; missing values are suspects only when a rule applies to them. */
  readonly scan: Scan;
  /** Per rule: whether it is checked on missing values too (a refinement outside `.nullable()`). */
  readonly nulls: readonly boolean[];
}

const compiled = new WeakMap<readonly ColumnSpec[], readonly ColumnRules[]>();

/** The compiled rules of the columns that have any, once per list of specs. */
function columnRules(specs: readonly ColumnSpec[]): readonly ColumnRules[] {
  let rules = compiled.get(specs);
  if (rules === undefined) {
    rules = specs.flatMap((spec, column): ColumnRules[] => {
      const list = spec.rules ?? [];
      if (list.length === 0) return [];
      const timestamp = spec.kind === "timestamp";
      const tests = list.map((rule) => compileRule(rule, timestamp));
      const nulls = list.map((rule) => rule.kind === "refinement" && rule.nulls);
      return [{ column, tests, nulls, scan: scanner(list, tests, nulls.includes(true)) }];
    });
    compiled.set(specs, rules);
  }
  return rules;
}

/** The range that all of a column's bounds allow together. */
function mergedRange(rules: readonly ValueRule[]): {
  lo: number;
  hi: number;
  loOpen: boolean;
  hiOpen: boolean;
} {
  let lo = Number.NEGATIVE_INFINITY;
  let hi = Number.POSITIVE_INFINITY;
  let loOpen = false;
  let hiOpen = false;
  for (const rule of rules) {
    if (rule.kind !== "bound") continue;
    if (rule.side === "min" && (rule.limit > lo || (rule.limit === lo && !rule.inclusive))) {
      lo = rule.limit;
      loOpen = !rule.inclusive;
    } else if (rule.side === "max" && (rule.limit < hi || (rule.limit === hi && !rule.inclusive))) {
      hi = rule.limit;
      hiOpen = !rule.inclusive;
    }
  }
  return { lo, hi, loOpen, hiOpen };
}

/** The scanner of a column's rules. */
function scanner(rules: readonly ValueRule[], tests: readonly RuleTest[], checksNulls: boolean): Scan {
  if (!checksNulls && rules.every((rule) => rule.kind === "bound")) {
    const { lo, hi, loOpen, hiOpen } = mergedRange(rules);
    // NaN never passes a comparison, and null/undefined are skipped before it
    return (values, from, to) => {
      for (let i = from; i < to; i++) {
        const v = values[i] as number | null;
        if (v === null || v === undefined) continue;
        if (!(loOpen ? v > lo : v >= lo) || !(hiOpen ? v < hi : v <= hi)) return i;
      }
      return -1;
    };
  }
  if (!checksNulls && tests.length === 1) {
    const test = tests[0] as RuleTest;
    return (values, from, to) => {
      for (let i = from; i < to; i++) {
        const v = values[i];
        if (v === null || v === undefined) continue;
        if (!test(v)) return i;
      }
      return -1;
    };
  }
  return (values, from, to) => {
    for (let i = from; i < to; i++) {
      const v = values[i];
      if (v === null || v === undefined) {
        if (checksNulls) return i; // the detail loop runs only the rules that apply to missing values
        continue;
      }
      for (const test of tests) if (!test(v)) return i;
    }
    return -1;
  };
}

/**
 * Check the `count` values of a batch appended from builder index `base` against their columns' rules, and add
 * one issue (kind 2, with the rule's index) per value that breaks one. A value already invalid in its column
 * (it did not parse) is not checked again. In "error" mode each column stops at its first broken rule.
 */
export function checkValueRules(
  specs: readonly ColumnSpec[],
  builders: readonly ColumnBuilder[],
  base: number,
  count: number,
  issues: BatchIssues,
): void {
  const columns = columnRules(specs);
  if (columns.length === 0) return;
  const earlier = issues.count;
  for (const { column, tests, scan, nulls } of columns) {
    const builder = builders[column];
    if (builder === undefined) continue;
    const values = builder.values();
    const end = Math.min(builder.length, base + count);
    let invalid: Uint8Array | undefined;
    for (let i = 0; i < earlier; i++) {
      if (issues.columns[i] !== column) continue;
      invalid ??= new Uint8Array(count);
      invalid[issues.records[i] as number] = 1;
    }
    for (let at = scan(values, base, end); at >= 0; at = scan(values, at + 1, end)) {
      const record = at - base;
      if (invalid !== undefined && invalid[record] === 1) continue;
      const value = values[at];
      const missing = value === null || value === undefined;
      let broken = -1;
      for (let k = 0; k < tests.length; k++) {
        if (missing && nulls[k] !== true) continue;
        if (!(tests[k] as RuleTest)(value)) {
          broken = k;
          break;
        }
      }
      if (broken < 0) continue; // a placeholder of a value that did not parse, or a missing value no rule covers
      issues.add(record, column, 2, broken);
      if (issues.stopAtFirst) break;
    }
  }
}
