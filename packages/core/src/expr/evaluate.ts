import { describeValue } from "../values/describe-value";
import { CastFailure, castFailureDetail, castVector } from "./cast";
import { datePart, isDatePart, truncation } from "./date-parts";
import { ExpressionError } from "./errors";
import { formatExpr } from "./format";
import {
  type CompareOp,
  compareNumbers,
  compareNumbersTo,
  compareValues,
  negate,
  numbersIn,
  numbersNull,
  threeValued,
  valuesIn,
  valuesNull,
} from "./kernels";
import type { BinaryOp, ExprNode, LiteralValue, UnaryOp } from "./nodes";
import {
  concatStrings,
  isRoundDigits,
  MAX_ROUND_DIGITS,
  NUMBER_FUNCTIONS,
  power,
  remainder,
  roundHalfAway,
} from "./number-functions";
import {
  notStampsDetail,
  numbersName,
  STAMP_ADVICE,
  STAMP_IN_LIST,
  stampMixDetail,
  stampsOf,
} from "./stamp-kinds";
import { givesStamps, stampText } from "./stamp-text";
import { codePoints, replacing } from "./text-functions";
import { givesInts as intsOn } from "./types";
import {
  columnVector,
  describeKind,
  type ExpressionInput,
  isNullAt,
  NULL_BOOL,
  type ValueKind,
  type Vector,
} from "./vector";

type NumberVector = Extract<Vector, { kind: "number" }>;
type BoolVector = Extract<Vector, { kind: "boolean" }>;
type StringVector = Extract<Vector, { kind: "string" }>;

const T = 1;
const F = 0;
const N = NULL_BOOL;

const isComparison = (op: BinaryOp): op is CompareOp =>
  op === "eq" || op === "ne" || op === "lt" || op === "le" || op === "gt" || op === "ge";

/**
 * Evaluate an expression on every row at once: each node is one loop over typed arrays (no per-row walk of
 * the tree), columns are read once. SQL semantics: null (and NaN) in arithmetic, comparisons and string
 * functions gives null; `and`/`or` are three-valued; `x / 0` is null. Kinds are checked before each loop:
 * an error names `step`, the sub-expression, what it expected and what the column holds.
 */
export function evaluateExpression(node: ExprNode, input: ExpressionInput, step: string): Vector {
  const n = input.rowCount;
  const columns = new Map<string, Vector>();
  const fail = (at: ExprNode, detail: string): never => {
    throw new ExpressionError(step, formatExpr(at), detail);
  };

  const typeOf = (name: string) => input.columnType?.(name);

  /** Whether `at` computes an `int` on the declared column types (its zero is then `0`, never `-0`). */
  const givesInts = (at: ExprNode): boolean => intsOn(at, typeOf);

  /** The numbers with `-0` made `0` (adding `0`), as an int column's BIGINT holds them on every engine. */
  const noNegativeZero = (v: NumberVector): NumberVector => {
    const values = v.values;
    for (let i = 0; i < values.length; ++i) values[i]! += 0;
    return v;
  };

  /** A column's numbers are time stamps when its declared type says so (a declared int or float's are not). */
  const typedStamps = (name: string, vector: Vector): Vector => {
    if (vector.kind !== "number") return vector;
    const type = typeOf(name);
    if (type === "timestamp" || type === "date") return { ...vector, stamps: true };
    if (type === "int" || type === "float") return { ...vector, stamps: false };
    return vector;
  };

  const readColumn = (name: string, at: ExprNode): Vector => {
    const cached = columns.get(name);
    if (cached !== undefined) return cached;
    const given = input.vector?.(name);
    if (given !== undefined) {
      const typed = typedStamps(name, given);
      columns.set(name, typed);
      return typed;
    }
    const values = input.column(name);
    const vector = columnVector(values);
    if ("mixed" in vector) {
      return fail(
        at,
        `column "${name}" must hold one kind of value (numbers or time stamps, strings or booleans); ` +
          `row ${vector.mixed} holds ${describeValue(values[vector.mixed])}`,
      );
    }
    const typed = typedStamps(name, vector);
    columns.set(name, typed);
    return typed;
  };

  const literal = (value: LiteralValue, stamp: boolean): Vector => {
    if (value === null || (typeof value === "number" && Number.isNaN(value))) return { kind: "null" };
    // an int literal -0 is 0, as SQL's (0) is and an int holds it
    if (typeof value === "number")
      return { kind: "number", values: new Float64Array(n).fill(value + 0), stamps: stamp };
    if (typeof value === "boolean") return { kind: "boolean", values: new Uint8Array(n).fill(value ? T : F) };
    return { kind: "string", values: new Array<string>(n).fill(value) };
  };

  /**
   * Refuse `v` unless of `kind` (or nulls); `stamps`: the numbers expected are time stamps (the other side of a
   * comparison, a coalesce's first value), named so and with what to write instead.
   */
  const expect = (at: ExprNode, v: Vector, kind: ValueKind, what: ExprNode, stamps?: boolean): void => {
    if (v.kind === kind || v.kind === "null") return;
    const source = what.kind === "column" ? `column "${what.name}" holds` : `${formatExpr(what)} gives`;
    const holds = v.kind === "number" ? numbersName(v.stamps) : describeKind(v.kind);
    const expected = kind === "number" ? numbersName(stamps) : describeKind(kind);
    const advice = kind === "number" && stamps === true ? `; ${STAMP_ADVICE}` : "";
    fail(at, `expected ${expected}, but ${source} ${holds}${advice}`);
  };

  /**
   * Whether the number parts are time stamps, all alike (a part that nothing types fits either): a time stamp
   * mixed with another number is refused, naming the first part that differs from the first typed one.
   */
  const sameStamps = (at: ExprNode, parts: readonly { node: ExprNode; vector: Vector }[]) => {
    const first = parts.find((p) => stampsOf(p.vector) !== undefined);
    if (first === undefined) return undefined;
    const stamps = stampsOf(first.vector)!;
    for (const part of parts) {
      const own = stampsOf(part.vector);
      if (own !== undefined && own !== stamps) fail(at, stampMixDetail(stamps, part.node));
    }
    return stamps;
  };

  /** Refuse numbers that are not time stamps where a date part or `truncate` reads time stamps. */
  const expectStamps = (at: ExprNode, v: Vector, what: ExprNode): void => {
    expect(at, v, "number", what);
    if (stampsOf(v) === false) fail(at, notStampsDetail(what));
  };

  /** Numbers that are not time stamps (arithmetic, a date part, a cast to a number). */
  const plain = (v: NumberVector): NumberVector => ({ kind: "number", values: v.values, stamps: false });

  const numbers = (v: Vector): Float64Array =>
    v.kind === "number" ? v.values : new Float64Array(n).fill(Number.NaN);
  const bools = (v: Vector): Uint8Array => (v.kind === "boolean" ? v.values : new Uint8Array(n).fill(N));
  const strings = (v: Vector): readonly (string | null)[] =>
    v.kind === "string" ? v.values : new Array<null>(n).fill(null);

  const arithmetic = (op: BinaryOp, a: Float64Array, b: Float64Array): NumberVector => {
    const out = new Float64Array(n);
    switch (op) {
      case "add":
        for (let i = 0; i < n; ++i) out[i] = a[i]! + b[i]!;
        break;
      case "sub":
        for (let i = 0; i < n; ++i) out[i] = a[i]! - b[i]!;
        break;
      case "mul":
        for (let i = 0; i < n; ++i) out[i] = a[i]! * b[i]!;
        break;
      default:
        for (let i = 0; i < n; ++i) out[i] = b[i] === 0 ? Number.NaN : a[i]! / b[i]!;
    }
    return { kind: "number", values: out };
  };

  const logic = (op: "and" | "or", a: Uint8Array, b: Uint8Array): BoolVector => ({
    kind: "boolean",
    values: threeValued(op, a, b, n),
  });

  const stringTest = (
    op: "contains" | "startsWith" | "endsWith",
    a: readonly (string | null)[],
    b: readonly (string | null)[],
  ) => {
    const out = new Uint8Array(n);
    for (let i = 0; i < n; ++i) {
      const x = a[i];
      const y = b[i];
      if (x === null || x === undefined || y === null || y === undefined) out[i] = N;
      else {
        const holds =
          op === "contains" ? x.includes(y) : op === "startsWith" ? x.startsWith(y) : x.endsWith(y);
        out[i] = holds ? T : F;
      }
    }
    return { kind: "boolean", values: out } satisfies BoolVector;
  };

  /** A comparison of two vectors of `kind` (each of it, or null). */
  const compareVectors = (op: CompareOp, kind: ValueKind, a: Vector, b: Vector): Uint8Array => {
    if (kind === "number") return compareNumbers(op, numbers(a), numbers(b), n);
    if (kind === "string") return compareValues(op, strings(a), strings(b), null, n);
    return compareValues(op, bools(a), bools(b), N, n);
  };

  const binary = (at: Extract<ExprNode, { kind: "binary" }>): Vector => {
    const a = evaluate(at.left);
    const { right } = at;
    // a number literal on the right of a comparison (`fare > 10`) is compared as it is, never made a vector
    if (
      isComparison(at.op) &&
      a.kind === "number" &&
      right.kind === "literal" &&
      typeof right.value === "number" &&
      !Number.isNaN(right.value)
    ) {
      const stamp = right.timestamp === true;
      if (a.stamps !== undefined && a.stamps !== stamp) fail(at, stampMixDetail(a.stamps, right));
      return { kind: "boolean", values: compareNumbersTo(at.op, a.values, right.value, n) };
    }
    if (at.op === "round") {
      expect(at, a, "number", at.left);
      // a tree read back from JSON may hold other digits than `round(...)` takes
      const digits = right.kind === "literal" ? right.value : undefined;
      if (!isRoundDigits(digits))
        return fail(
          at,
          `expected digits, a whole number literal from -${MAX_ROUND_DIGITS} to ${MAX_ROUND_DIGITS}`,
        );
      return plain(mapNumbers(a, (x) => roundHalfAway(x, digits)));
    }
    const b = evaluate(at.right);
    switch (at.op) {
      case "mod": {
        expect(at, a, "number", at.left);
        expect(at, b, "number", at.right);
        const [x, y] = [numbers(a), numbers(b)];
        const out = new Float64Array(n);
        for (let i = 0; i < n; ++i) out[i] = remainder(x[i]!, y[i]!);
        // an int's remainder is `0`, never `-0` (`-4 % 2`), as in an int column
        const values: NumberVector = { kind: "number", values: out };
        return plain(givesInts(at) ? noNegativeZero(values) : values);
      }
      case "pow": {
        expect(at, a, "number", at.left);
        expect(at, b, "number", at.right);
        const [x, y] = [numbers(a), numbers(b)];
        const out = new Float64Array(n);
        for (let i = 0; i < n; ++i) out[i] = power(x[i]!, y[i]!);
        return plain({ kind: "number", values: out });
      }
      case "add":
      case "sub":
      case "mul":
      case "div":
        expect(at, a, "number", at.left);
        expect(at, b, "number", at.right);
        // an int product or difference of ints may be -0 in JavaScript (`0 * -3`), never in an int column; a
        // time stamp is its epoch milliseconds here, and the result a number
        return plain(
          at.op !== "div" && givesInts(at)
            ? noNegativeZero(arithmetic(at.op, numbers(a), numbers(b)))
            : arithmetic(at.op, numbers(a), numbers(b)),
        );
      case "and":
      case "or":
        expect(at, a, "boolean", at.left);
        expect(at, b, "boolean", at.right);
        return logic(at.op, bools(a), bools(b));
      case "contains":
      case "startsWith":
      case "endsWith":
        expect(at, a, "string", at.left);
        expect(at, b, "string", at.right);
        return stringTest(at.op, strings(a), strings(b));
      case "concat":
        expect(at, a, "string", at.left);
        expect(at, b, "string", at.right);
        return { kind: "string", values: concatStrings(strings(a), strings(b), n) } satisfies StringVector;
      default: {
        const first = a.kind === "null" ? b : a;
        const kind = first.kind;
        if (kind === "null") return { kind: "boolean", values: new Uint8Array(n).fill(N) };
        expect(at, a, kind, at.left, stampsOf(first));
        expect(at, b, kind, at.right, stampsOf(first));
        sameStamps(at, [
          { node: at.left, vector: a },
          { node: at.right, vector: b },
        ]);
        return { kind: "boolean", values: compareVectors(at.op, kind, a, b) };
      }
    }
  };

  const mapNumbers = (v: Vector, f: (x: number) => number): NumberVector => {
    const source = numbers(v);
    const out = new Float64Array(n);
    for (let i = 0; i < n; ++i) {
      const x = source[i]!;
      out[i] = Number.isNaN(x) ? Number.NaN : f(x);
    }
    return { kind: "number", values: out };
  };

  const unary = (at: Extract<ExprNode, { kind: "unary" }>): Vector => {
    const a = evaluate(at.arg);
    const op: UnaryOp = at.op;
    switch (op) {
      case "isNull":
      case "isNotNull": {
        const negated = op === "isNotNull";
        const values =
          a.kind === "null"
            ? new Uint8Array(n).fill(negated ? F : T)
            : a.kind === "number"
              ? numbersNull(a.values, negated, n)
              : a.kind === "boolean"
                ? valuesNull(a.values, N, negated, n)
                : valuesNull(a.values, null, negated, n);
        return { kind: "boolean", values };
      }
      case "not":
        expect(at, a, "boolean", at.arg);
        return { kind: "boolean", values: negate(bools(a), n) };
      case "neg":
        expect(at, a, "number", at.arg);
        // an int's negation is `0 - x` (`0`, never `-0`, for 0), a float's keeps the sign of zero
        return plain(givesInts(at) ? mapNumbers(a, (x) => 0 - x) : mapNumbers(a, (x) => -x));
      case "abs":
      case "floor":
      case "ceil":
      case "sqrt":
      case "ln":
      case "exp":
        expect(at, a, "number", at.arg);
        return plain(mapNumbers(a, NUMBER_FUNCTIONS[op]));
      case "lower":
      case "upper":
      case "trim":
      case "length": {
        expect(at, a, "string", at.arg);
        const source = strings(a);
        if (op === "length") {
          return {
            kind: "number",
            stamps: false,
            values: Float64Array.from(source, (s) => {
              if (s === null) return Number.NaN;
              let count = 0;
              for (const _ of s) count++;
              return count;
            }),
          };
        }
        const values = source.map((s) =>
          s === null ? null : op === "lower" ? s.toLowerCase() : op === "upper" ? s.toUpperCase() : s.trim(),
        );
        return { kind: "string", values } satisfies StringVector;
      }
      default:
        if (!isDatePart(op)) return fail(at, `unknown function "${op}"`);
        expectStamps(at, a, at.arg);
        return plain(mapNumbers(a, datePart(op)));
    }
  };

  const unify = (at: ExprNode, parts: readonly { node: ExprNode; vector: Vector }[]): ValueKind => {
    const first = parts.find((p) => p.vector.kind !== "null");
    if (first === undefined) return "null";
    for (const part of parts) expect(at, part.vector, first.vector.kind, part.node, stampsOf(first.vector));
    return first.vector.kind;
  };

  /**
   * For each row, which of `parts` (of `kind`) holds the largest value (`greatest`) or the smallest, nulls skipped,
   * the first of equal ones; -1 where every part is null. Strings compare by UTF-16 code unit, as `gt` does.
   */
  const extremes = (kind: ValueKind, parts: readonly Vector[], greatest: boolean): Int32Array => {
    const pick = new Int32Array(n).fill(-1);
    if (kind === "null") return pick;
    const sources: readonly ArrayLike<number | string | null>[] =
      kind === "number" ? parts.map(numbers) : kind === "boolean" ? parts.map(bools) : parts.map(strings);
    const beats = greatest
      ? (x: number | string, y: number | string) => x > y
      : (x: number | string, y: number | string) => x < y;
    for (let i = 0; i < n; ++i) {
      let best: number | string | undefined;
      for (let k = 0; k < parts.length; ++k) {
        if (isNullAt(parts[k]!, i)) continue;
        const value = sources[k]![i] as number | string;
        if (best === undefined || beats(value, best)) {
          best = value;
          pick[i] = k;
        }
      }
    }
    return pick;
  };

  /** Row `i` of the result takes row `i` of `parts[pick[i]]` (-1: null). */
  const choose = (
    kind: ValueKind,
    parts: readonly Vector[],
    pick: Int32Array,
    stamps: boolean | undefined,
  ): Vector => {
    switch (kind) {
      case "number": {
        const sources = parts.map(numbers);
        const out = new Float64Array(n);
        for (let i = 0; i < n; ++i) out[i] = pick[i]! < 0 ? Number.NaN : sources[pick[i]!]![i]!;
        return stamps === undefined ? { kind, values: out } : { kind, values: out, stamps };
      }
      case "boolean": {
        const sources = parts.map(bools);
        const out = new Uint8Array(n);
        for (let i = 0; i < n; ++i) out[i] = pick[i]! < 0 ? N : sources[pick[i]!]![i]!;
        return { kind, values: out };
      }
      case "string": {
        const sources = parts.map(strings);
        const out = new Array<string | null>(n);
        for (let i = 0; i < n; ++i) out[i] = pick[i]! < 0 ? null : sources[pick[i]!]![i]!;
        return { kind, values: out };
      }
      case "null":
        return { kind };
    }
  };

  /** Refuse the casts no SQL engine makes: a time stamp to a boolean, a boolean to a time stamp. */
  const refuseStampCast = (at: Extract<ExprNode, { kind: "cast" }>, a: Vector): void => {
    if (at.to === "boolean" && stampsOf(a) === true) {
      fail(at, "a time stamp has no boolean: compare it with a time-stamp literal instead");
    }
    if (at.to === "timestamp" && a.kind === "boolean") {
      fail(at, `expected numbers (epoch milliseconds) or strings, but ${formatExpr(at.arg)} gives booleans`);
    }
  };

  const evaluate = (at: ExprNode): Vector => {
    switch (at.kind) {
      case "column":
        return readColumn(at.name, at);
      case "literal":
        return literal(at.value, at.timestamp === true);
      case "binary":
        return binary(at);
      case "unary":
        return unary(at);
      case "trunc": {
        const a = evaluate(at.arg);
        expectStamps(at, a, at.arg);
        return { ...mapNumbers(a, truncation(at.unit)), stamps: true };
      }
      case "replace":
      case "substring": {
        const a = evaluate(at.arg);
        expect(at, a, "string", at.arg);
        const edit =
          at.kind === "replace" ? replacing(at.search, at.replacement) : codePoints(at.start, at.length);
        const values = strings(a).map((s) => (s === null ? null : edit(s)));
        return { kind: "string", values } satisfies StringVector;
      }
      case "in": {
        const a = evaluate(at.arg);
        const listed = at.values.filter((v) => v !== null && !(typeof v === "number" && Number.isNaN(v)));
        const hasNull = listed.length < at.values.length;
        for (const value of listed) {
          const kind: ValueKind =
            typeof value === "number" ? "number" : typeof value === "string" ? "string" : "boolean";
          if (a.kind !== "null" && a.kind !== kind) {
            const stamps = stampsOf(a) === true;
            const expected = stamps ? "time stamps" : describeKind(a.kind);
            const advice = stamps ? `; ${STAMP_IN_LIST}` : "";
            fail(at, `expected ${expected} in the list, got ${describeValue(value)}${advice}`);
          }
          if (a.kind === "number" && a.stamps === true) {
            fail(
              at,
              `expected time stamps in the list, got the number ${describeValue(value)}; ${STAMP_IN_LIST}`,
            );
          }
        }
        const notListed = hasNull ? N : F;
        const values =
          a.kind === "null"
            ? new Uint8Array(n).fill(N)
            : a.kind === "number"
              ? numbersIn(a.values, listed as number[], notListed, n)
              : a.kind === "boolean"
                ? valuesIn(
                    a.values,
                    listed.map((v) => (v === true ? T : F)),
                    N,
                    notListed,
                    n,
                  )
                : valuesIn<string | null>(a.values, listed as string[], null, notListed, n);
        return { kind: "boolean", values };
      }
      case "coalesce": {
        const parts = at.args.map((node) => ({ node, vector: evaluate(node) }));
        const kind = unify(at, parts);
        const stamps = sameStamps(at, parts);
        const vectors = parts.map((p) => p.vector);
        const pick = new Int32Array(n).fill(-1);
        for (let i = 0; i < n; ++i) {
          for (let k = 0; k < vectors.length; ++k) {
            if (!isNullAt(vectors[k]!, i)) {
              pick[i] = k;
              break;
            }
          }
        }
        return choose(kind, vectors, pick, stamps);
      }
      case "greatest":
      case "least": {
        const parts = at.args.map((node) => ({ node, vector: evaluate(node) }));
        const kind = unify(at, parts);
        const stamps = sameStamps(at, parts);
        const vectors = parts.map((p) => p.vector);
        const pick = extremes(kind, vectors, at.kind === "greatest");
        const chosen = choose(kind, vectors, pick, stamps);
        // a float's -0 and 0 are one value: which an engine keeps is not defined, so a zero is `0` on every one
        return chosen.kind === "number" ? { ...chosen, values: chosen.values.map((x) => x + 0) } : chosen;
      }
      case "case": {
        const whens = at.branches.map((b) => {
          const vector = evaluate(b.when);
          expect(at, vector, "boolean", b.when);
          return bools(vector);
        });
        const parts = [...at.branches.map((b) => b.result), at.otherwise].map((node) => ({
          node,
          vector: evaluate(node),
        }));
        const kind = unify(at, parts);
        const stamps = sameStamps(at, parts);
        const pick = new Int32Array(n).fill(whens.length);
        for (let i = 0; i < n; ++i) {
          for (let k = 0; k < whens.length; ++k) {
            if (whens[k]![i] === T) {
              pick[i] = k;
              break;
            }
          }
        }
        return choose(
          kind,
          parts.map((p) => p.vector),
          pick,
          stamps,
        );
      }
      case "cast": {
        const a = evaluate(at.arg);
        if (at.to === "string" && a.kind === "number" && givesStamps(at.arg, typeOf)) {
          const values = a.values;
          return {
            kind: "string",
            values: Array.from(values, (v) => (Number.isNaN(v) ? null : stampText(v))),
          };
        }
        refuseStampCast(at, a);
        try {
          const cast = castVector(a, at.to, n);
          if (cast.kind !== "number") return cast;
          return { kind: "number", values: cast.values, stamps: at.to === "timestamp" };
        } catch (error) {
          if (!(error instanceof CastFailure)) throw error;
          return fail(at, castFailureDetail(error.value, error.to, error.row));
        }
      }
    }
  };

  return evaluate(node);
}
