import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { countMarker } from "@tablepipe/sql";
import type { DuckDb } from "./duckdb-database";
import { withDisabled } from "./optimizers";
import { readQuery } from "./read-result";
import { sqlString } from "./sql-text";

/**
 * Counting each step's rows in the query's own run, holding none of them: the query is compiled with a
 * marker filter over each CTE (`markedSql`, true on every row), run with DuckDB's profiler on, and the rows
 * that leave each marker are read off the profile. The optimizers that move filters are off for the run, so
 * that no step's filter moves below or above another step's marker. A marker DuckDB dropped, merged with another
 * filter or planned twice (a CTE read twice) leaves the counts undefined, and so does an operator that may
 * have stopped reading an input early (a join that gave no rows, a limit): the caller then counts them with a
 * second query.
 */

/** The settings a profiled run changes, restored afterwards. */
const SETTINGS = ["enable_profiling", "profiling_output", "custom_profiling_settings", "disabled_optimizers"];

/**
 * DuckDB's optimizers that move a filter across a marker: push-down and pull-up, a join's build side turned into
 * a filter on the other side's scan, a filter pushed into a CTE.
 */
const MOVING_FILTERS = ["filter_pushdown", "filter_pullup", "join_filter_pushdown", "cte_filter_pusher"];

/** One operator of DuckDB's JSON profile. */
interface ProfileNode {
  readonly operator_name?: string;
  readonly operator_cardinality?: number;
  readonly extra_info?: { readonly Expression?: unknown };
  readonly children?: readonly ProfileNode[];
}

/** A marker filter as DuckDB prints it: the row-order column compared with the marker's constant, nothing else. */
const MARKER_FILTER = /^\(__tablepipe_row (?:IS DISTINCT FROM|!=) \(?(-\d+)\)?\)$/;

/**
 * A join (or cross product) that gave no rows: DuckDB stops reading a join's other side when the side it built
 * has no key (no row, or only null keys), which leaves every marker on that side short; a limit; a top-N (it
 * may filter the scan below it). A delim join (a decorrelated subquery) reads its left side whole, and its
 * profile shows no rows even when it gave some.
 */
function mayStopEarly(node: ProfileNode): boolean {
  const name = node.operator_name ?? "";
  if (name.includes("LIMIT") || name.includes("TOP_N")) return true;
  const joins = (name.endsWith("JOIN") && !name.includes("DELIM")) || name === "CROSS_PRODUCT";
  return joins && node.operator_cardinality === 0;
}

/**
 * The rows leaving each marker filter of the profile, by the marker's constant; a constant seen twice maps to
 * NaN; undefined when some operator may have left an input unread.
 */
function markerCounts(root: ProfileNode): Map<string, number> | undefined {
  const counts = new Map<string, number>();
  let early = false;
  const visit = (node: ProfileNode): void => {
    if (mayStopEarly(node)) early = true;
    const expression = node.extra_info?.Expression;
    if (node.operator_name === "FILTER" && typeof expression === "string") {
      const constant = MARKER_FILTER.exec(expression)?.[1];
      if (constant !== undefined) {
        counts.set(constant, counts.has(constant) ? Number.NaN : Number(node.operator_cardinality));
      }
    }
    for (const child of node.children ?? []) visit(child);
  };
  visit(root);
  return early ? undefined : counts;
}

/**
 * The counts `n0` (source), `n1`, ... of `counted` CTEs from a profile (from `n<first>` on: a query holding the
 * CTEs from the `first`-th), or undefined when a marker is not found once.
 */
export function countsFromProfile(
  profile: unknown,
  counted: number,
  first = 0,
): Record<string, number> | undefined {
  const byConstant = markerCounts(profile as ProfileNode);
  if (byConstant === undefined) return undefined;
  const counts: Record<string, number> = {};
  for (let i = first; i < first + counted; i++) {
    const n = byConstant.get(countMarker(i));
    if (n === undefined || !Number.isInteger(n)) return undefined;
    counts[`n${i}`] = n;
  }
  return counts;
}

async function currentSettings(db: DuckDb): Promise<Record<string, string>> {
  const list = SETTINGS.map((name) => `current_setting(${sqlString(name)}) AS ${name}`).join(", ");
  const row = ((await readQuery(db.connection, `SELECT ${list}`)).objects()[0] ?? {}) as Record<
    string,
    unknown
  >;
  return Object.fromEntries(SETTINGS.map((name) => [name, String(row[name] ?? "")]));
}

/** Give back the settings `runCounted` changed, in one call (DuckDB runs the statements in turn). */
async function restore(db: DuckDb, settings: Record<string, string>): Promise<void> {
  const profiling =
    settings.enable_profiling === ""
      ? "PRAGMA disable_profiling"
      : `PRAGMA enable_profiling = ${sqlString(settings.enable_profiling ?? "")}`;
  await db.connection.run(
    [
      `SET disabled_optimizers = ${sqlString(settings.disabled_optimizers ?? "")}`,
      `SET custom_profiling_settings = ${sqlString(settings.custom_profiling_settings ?? "")}`,
      `PRAGMA profiling_output = ${sqlString(settings.profiling_output ?? "")}`,
      profiling,
    ].join(";\n"),
  );
}

/**
 * Run `run` (one statement of a `markedSql` with `counted` marker filters, the first of them `first`) with the
 * profiler on and the optimizers `off` off too; returns what it returns and the counts of the markers, undefined
 * when the profile does not give each once.
 */
export async function runCounted<T>(
  db: DuckDb,
  counted: number,
  run: () => Promise<T>,
  first = 0,
  off: readonly string[] = [],
): Promise<{ value: T; counts: Record<string, number> | undefined }> {
  const settings = await currentSettings(db);
  const folder = await mkdtemp(join(tmpdir(), "tablepipe-profile-"));
  const file = join(folder, "profile.json");
  const c = db.connection;
  try {
    const disabled = withDisabled(settings.disabled_optimizers ?? "", [...MOVING_FILTERS, ...off]);
    // one call for the four settings (DuckDB runs them in turn): each round trip to libuv's threads took up to
    // ~1 ms of a run
    await c.run(
      [
        `SET disabled_optimizers = ${sqlString(disabled)}`,
        "PRAGMA enable_profiling = 'json'",
        `PRAGMA profiling_output = ${sqlString(file)}`,
        `SET custom_profiling_settings = '{"OPERATOR_CARDINALITY": "true", "OPERATOR_NAME": "true", "EXTRA_INFO": "true"}'`,
      ].join(";\n"),
    );
    const value = await run();
    let profile: unknown;
    try {
      profile = JSON.parse(await readFile(file, "utf8"));
    } catch {
      return { value, counts: undefined };
    }
    return { value, counts: countsFromProfile(profile, counted, first) };
  } finally {
    try {
      await restore(db, settings);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  }
}
