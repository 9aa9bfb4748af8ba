import type { ExprNode } from "../expr/nodes";
import { exprColumns } from "../expr/refs";
import { expressionType } from "../expr/types";
import type { PlannedStep } from "./plan";

/**
 * The condition a planned row-local filter keeps its rows by (its transform's `keepWhere`), when it can be
 * tested apart from the step: a primitive filter that adds and removes no column, planned with the input's
 * schema, whose condition is boolean on that schema and reads only columns the step needs. Undefined
 * otherwise, and when `keepWhere` throws (the step itself then runs, and reports the problem as it would).
 * @example keepCondition(plan[0]) // { kind: "binary", op: "ge", left: { kind: "column", name: "at" }, ... }
 */
export function keepCondition(planned: PlannedStep): ExprNode | undefined {
  const { transform, contract, schemaIn } = planned;
  if (transform.keepWhere === undefined || schemaIn === undefined || planned.children.length > 0) return;
  if (!transform.rowLocal || contract.adds.length > 0 || contract.removes.length > 0) return;
  let condition: ExprNode | undefined;
  try {
    condition = transform.keepWhere(planned.resolved, schemaIn);
  } catch {
    return;
  }
  if (condition === undefined) return;
  const needs = new Set(contract.needs);
  if (!exprColumns(condition).every((name) => needs.has(name) && schemaIn[name] !== undefined)) return;
  return expressionType(condition, schemaIn).type === "boolean" ? condition : undefined;
}
