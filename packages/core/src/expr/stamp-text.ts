import type { LogicalType } from "../schema/logical-types";
import { formatTimestamp } from "../time/timestamp";
import type { ExprNode } from "./nodes";
import { everyPickedValue } from "./picked-values";

/**
 * A time stamp's text as `cast(x, "string")` writes it on every engine, DuckDB's and Spark's text of a zone-less
 * time stamp: `2024-02-29 10:00:00`, with the fraction of a second to the microsecond and without trailing zeros
 * (`2024-02-29 10:00:00.12`). A date is its midnight (`2024-02-29 00:00:00`): tablepipe's dates are time stamps.
 * @example stampText(Date.UTC(2024, 1, 29, 10, 0, 0, 120)) // "2024-02-29 10:00:00.12"
 */
export function stampText(epochMillis: number): string {
  const micros = Math.round(epochMillis * 1000);
  const seconds = Math.floor(micros / 1_000_000);
  const fraction = micros - seconds * 1_000_000;
  const base = formatTimestamp(seconds * 1000).replace("T", " ");
  return fraction === 0 ? base : `${base}.${`${fraction}`.padStart(6, "0").replace(/0+$/, "")}`;
}

/**
 * Whether `node` gives time stamps, as far as its form and the columns' declared types tell (`typeOf`): a
 * `timestamp` or `date` column, a time-stamp literal, a cast to `timestamp`, a `truncate`, a `coalesce` or `case`
 * whose parts all give time stamps (a `null` literal fits any).
 */
export function givesStamps(node: ExprNode, typeOf: (column: string) => LogicalType | undefined): boolean {
  switch (node.kind) {
    case "column": {
      const type = typeOf(node.name);
      return type === "timestamp" || type === "date";
    }
    case "literal":
      return node.timestamp === true;
    case "trunc":
      return true;
    case "cast":
      return node.to === "timestamp";
    case "coalesce":
    case "greatest":
    case "least":
    case "case":
      return everyPickedValue(node, (value) => givesStamps(value, typeOf));
    default:
      return false;
  }
}

/** Whether `node` casts anything to a string (whose text, for a time stamp, depends on the declared types). */
export function castsToText(node: ExprNode): boolean {
  switch (node.kind) {
    case "cast":
      return node.to === "string" || castsToText(node.arg);
    case "binary":
      return castsToText(node.left) || castsToText(node.right);
    case "unary":
    case "trunc":
    case "replace":
    case "substring":
    case "in":
      return castsToText(node.arg);
    case "coalesce":
    case "greatest":
    case "least":
      return node.args.some(castsToText);
    case "case":
      return (
        node.branches.some((b) => castsToText(b.when) || castsToText(b.result)) || castsToText(node.otherwise)
      );
    default:
      return false;
  }
}
