import type { SqlStepContext } from "@tablepipe/core";
import { selectWithColumns } from "../select-list";
import type { RenderedStep } from "../step-rendering";
import { type CastCheck, castGuard } from "./cast-checks";
import { castFailureProbe } from "./cast-failure-probe";

/**
 * A step's `SELECT` of its input's columns with `computed` ones, guarded by the casts that can fail (`checks`,
 * raised in its `WHERE`, where no engine prunes them) and with their failure probe; a plain select without checks.
 * The caller adds the output's types.
 * @example guardedSelect(c, { n: "CAST(g AS BIGINT)" }, checks).sql // SELECT …, CAST(g AS BIGINT) AS n FROM … WHERE …
 */
export function guardedSelect(
  c: SqlStepContext,
  computed: Readonly<Record<string, string>>,
  checks: readonly CastCheck[],
): Omit<RenderedStep, "types"> & { readonly columns: string[] } {
  const { list, columns } = selectWithColumns(c, computed);
  const { where, probe } = castWhere(c, checks);
  return { sql: `SELECT ${list} FROM ${c.input}${where}`, columns, ...probe };
}

/**
 * A step's ` WHERE` clause checking the casts that can fail (`checks`; none: empty, the SQL as without casts),
 * and the failure probe to spread into its `RenderedStep`.
 * @example const { where, probe } = castWhere(c, checks); ({ sql: `SELECT … FROM ${c.input}${where} GROUP BY …`, ...probe })
 */
export function castWhere(
  c: SqlStepContext,
  checks: readonly CastCheck[],
): { readonly where: string; readonly probe: Pick<RenderedStep, "failureProbe"> } {
  const probe = castFailureProbe(c, checks);
  return {
    where: checks.length === 0 ? "" : ` WHERE ${castGuard(c, checks)}`,
    probe: probe === undefined ? {} : { failureProbe: probe },
  };
}
