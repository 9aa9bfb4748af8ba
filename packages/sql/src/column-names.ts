import { SQL_DIALECTS, type SqlDialectName } from "@tablepipe/core";

/**
 * The prefix of every helper column the SQL adds beside the user's (the row order, a rank, a partition's key,
 * a read's flags): a user's column may not start with it.
 */
export const RESERVED_PREFIX = "__tablepipe_";

/** Why a relation's columns cannot pass through a dialect's SQL: two names it takes for one, or a reserved name. */
export type ColumnNameClash =
  | { readonly kind: "case"; readonly first: string; readonly second: string }
  | { readonly kind: "reserved"; readonly name: string };

const ENGINE_NAMES: Readonly<Record<SqlDialectName, string>> = { duckdb: "DuckDB", spark: "Spark" };

/** A name as the dialect compares it: ASCII letters folded where names ignore case (DuckDB folds no other letter). */
function comparedName(name: string, dialect: SqlDialectName): string {
  return SQL_DIALECTS[dialect].caseInsensitiveNames ? name.replace(/[A-Z]+/g, (s) => s.toLowerCase()) : name;
}

/**
 * The first clash among `columns` in `dialect`: a name in the reserved `__tablepipe_` namespace (in any case
 * where the dialect ignores case), else two names that differ only by case where it does.
 * @example columnNameClash(["a", "A"], "duckdb") // { kind: "case", first: "a", second: "A" }
 */
export function columnNameClash(
  columns: readonly string[],
  dialect: SqlDialectName,
): ColumnNameClash | undefined {
  const reserved = columns.find((name) => comparedName(name, dialect).startsWith(RESERVED_PREFIX));
  if (reserved !== undefined) return { kind: "reserved", name: reserved };
  const seen = new Map<string, string>();
  for (const name of columns) {
    const compared = comparedName(name, dialect);
    const first = seen.get(compared);
    if (first !== undefined && first !== name) return { kind: "case", first, second: name };
    seen.set(compared, name);
  }
  return undefined;
}

/**
 * The clash as an error message, `where` naming the table or step that holds the columns.
 * @example describeClash({ kind: "case", first: "a", second: "A" }, "duckdb", 'step "rename"')
 */
export function describeClash(clash: ColumnNameClash, dialect: SqlDialectName, where: string): string {
  const engine = ENGINE_NAMES[dialect];
  if (clash.kind === "reserved") {
    return (
      `${where}: the column name "${clash.name}" is reserved (names starting with "${RESERVED_PREFIX}" are ` +
      `the SQL's helper columns on ${engine}); expected another name: rename the column`
    );
  }
  return (
    `${where}: columns "${clash.first}" and "${clash.second}" differ only by case, and ${engine} cannot tell ` +
    `them apart (its column names ignore case); expected names that differ otherwise: rename one of them`
  );
}
