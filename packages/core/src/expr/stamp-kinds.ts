import { requirementHint } from "../schema/logical-types";
import { formatExpr } from "./format";
import type { ExprNode } from "./nodes";
import type { Vector } from "./vector";

/**
 * Whether a vector holds time stamps: true or false for numbers that are or are not (see `Vector`'s `stamps`),
 * undefined for numbers nothing types, and for other kinds.
 */
export function stampsOf(vector: Vector): boolean | undefined {
  return vector.kind === "number" ? vector.stamps : undefined;
}

/** What to write instead of mixing a time stamp with a number, for errors. */
export const STAMP_ADVICE =
  "a time stamp is compared, coalesced and picked only with time stamps (a date is its midnight): write the " +
  'other side as a time-stamp literal, timestamp("2024-06-01 00:00:00"), or cast epoch milliseconds with ' +
  'cast(x, "timestamp")';

/** `column "d" holds` or `add(col("i"), 1) gives`: the subject of an error's second half. */
function subject(what: ExprNode): string {
  return what.kind === "column" ? `column "${what.name}" holds` : `${formatExpr(what)} gives`;
}

/** What numbers are called in errors: time stamps, or numbers. */
export function numbersName(stamps: boolean | undefined): string {
  return stamps === true ? "time stamps" : "numbers";
}

/**
 * The detail of an error where `what` gives numbers that are (or are not) time stamps, where the others are
 * not (or are): `expected time stamps, but 5 gives numbers; a time stamp is compared ...`.
 */
export function stampMixDetail(expected: boolean, what: ExprNode): string {
  return `expected ${numbersName(expected)}, but ${subject(what)} ${numbersName(!expected)}; ${STAMP_ADVICE}`;
}

/**
 * The detail of a date part or `truncate` of numbers that are not time stamps: a column's error says to declare
 * it, as a step that needs a time stamp says (`addDateParts`).
 * @example notStampsDetail(col("ts")) // 'expected time stamps, but column "ts" holds numbers; a plain table's ...'
 */
export function notStampsDetail(what: ExprNode): string {
  const hint =
    what.kind === "column"
      ? requirementHint(what.name, { type: "float", nullable: false, fromValues: true }, "timestamp")
      : 'cast epoch milliseconds to a time stamp first: cast(x, "timestamp")';
  return `expected time stamps, but ${subject(what)} numbers; ${hint}`;
}

/** What to write instead of an `isIn` list of numbers for time stamps, for errors. */
export const STAMP_IN_LIST =
  'a list holds no time stamps: compare with time-stamp literals, or(eq(x, timestamp("2024-06-01 00:00:00")), ...)';
