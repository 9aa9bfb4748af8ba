import type * as z from "zod";

import { valueAt } from "./value-at";

type Issue = z.core.$ZodIssue;

const quoted = (path: readonly PropertyKey[]): string => `"${path.map(String).join(".")}"`;

/** One issue of a branch in words, its path read from `value` (the union's value); unions go to their closest form. */
function describeIssue(issue: Issue, value: unknown): string {
  if (issue.code === "unrecognized_keys") {
    const keys = issue.keys.map((key) => `"${key}"`).join(", ");
    const where = issue.path.length > 0 ? ` in ${quoted(issue.path)}` : "";
    return `unknown key${issue.keys.length === 1 ? "" : "s"} ${keys}${where}`;
  }
  if (issue.path.length > 0 && valueAt(value, issue.path) === undefined)
    return `${quoted(issue.path)} is required`;
  if (issue.code === "invalid_union") {
    const inner = closestFormIssues(issue);
    if (inner !== undefined) {
      const nested = valueAt(value, issue.path);
      const words = inner.map((i) => describeIssue(i, nested)).join(", ");
      return issue.path.length > 0 ? `${quoted(issue.path)}: ${words}` : words;
    }
  }
  return issue.path.length > 0 ? `${quoted(issue.path)}: ${issue.message}` : issue.message;
}

/** How alike the keys a form finds wrong are to the unknown keys given: the longest common prefix of any pair. */
function likeness(form: readonly Issue[]): number {
  const unknown = form.flatMap((i) => (i.code === "unrecognized_keys" ? i.keys : []));
  const missing = form.flatMap((i) =>
    i.code !== "unrecognized_keys" && i.path.length === 1 ? [String(i.path[0])] : [],
  );
  let best = 0;
  for (const a of unknown) {
    for (const b of missing) {
      let n = 0;
      while (n < a.length && n < b.length && a[n] === b[n]) n++;
      best = Math.max(best, n);
    }
  }
  return best;
}

/**
 * The issues of the union's form the value comes closest to: the fewest issues, then the missing key most like
 * a misspelt one (`equal` → `equals`), then the first form.
 */
function closestFormIssues(issue: Issue): readonly Issue[] | undefined {
  if (issue.code !== "invalid_union" || issue.errors.length === 0) return undefined;
  return issue.errors.reduce((closest, form) =>
    form.length < closest.length || (form.length === closest.length && likeness(form) > likeness(closest))
      ? form
      : closest,
  );
}

/**
 * What an object that fits no form of a union lacks, in words, for the union's issue (undefined for another issue,
 * a value that is not an object, or a union with its own message): the issues of the form it comes closest to — a
 * misspelt key named, a missing one said to be required.
 * @example unionIssueDetail(issue, { colum: "tier", equals: "gold" }) // 'no form fits; the closest: "column" is required, unknown key "colum"'
 */
export function unionIssueDetail(issue: Issue, value: unknown): string | undefined {
  if (typeof value !== "object" || value === null || issue.message !== "Invalid input") return undefined;
  const closest = closestFormIssues(issue);
  if (closest === undefined) return undefined;
  return `no form fits; the closest: ${closest.map((i) => describeIssue(i, value)).join(", ")}`;
}
