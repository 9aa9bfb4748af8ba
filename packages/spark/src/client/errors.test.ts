import { describe, expect, it } from "vitest";
import { SparkQueryError, toSparkError } from "./errors";

const grpcError = (code: number, details: string) => Object.assign(new Error(details), { code, details });

describe("toSparkError: Spark's errors as named errors", () => {
  it("keeps the step, the kind, the error class and Spark's first sentence, never the plan", () => {
    const error = toSparkError(
      "filterData > limitHistory",
      grpcError(
        2,
        "[UNRESOLVED_COLUMN.WITH_SUGGESTION] A column `nope` cannot be resolved. SQLSTATE: 42703; line 1 pos 7;\n'Project ['nope]\n+- SubqueryAlias",
      ),
    );
    expect(error).toBeInstanceOf(SparkQueryError);
    expect(error.step).toBe("filterData > limitHistory");
    expect(error.kind).toBe("analysis");
    expect(error.errorClass).toBe("UNRESOLVED_COLUMN.WITH_SUGGESTION");
    expect(error.detail).toBe("A column `nope` cannot be resolved.");
    expect(error.message).toBe(
      "filterData > limitHistory: a column, table or function does not fit the data (a missing column, or a value of another type): [UNRESOLVED_COLUMN.WITH_SUGGESTION] A column `nope` cannot be resolved.",
    );
    expect(error.message).not.toContain("Project");
  });

  it.each([
    [
      "\n[PARSE_SYNTAX_ERROR] Syntax error at or near 'SELEC'. SQLSTATE: 42601 (line 1, pos 0)\n\n== SQL ==",
      "parse",
    ],
    ["[CAST_INVALID_INPUT] The value 'abc' cannot be cast to \"INT\".", "conversion"],
    ["[DIVIDE_BY_ZERO] Division by zero.", "arithmetic"],
    ["[PATH_NOT_FOUND] Path does not exist: file:/nope.csv.", "io"],
    ["[TABLE_OR_VIEW_NOT_FOUND] The table or view `t` cannot be found.", "io"],
    ["[OPERATION_CANCELED] Operation has been canceled. SQLSTATE: HY008", "interrupted"],
    ["something else", "other"],
  ])("kind of %s", (details, kind) => {
    expect(toSparkError("step", grpcError(2, details)).kind).toBe(kind);
  });

  it("says the server cannot be reached or refused the token, from the gRPC status", () => {
    const down = toSparkError(
      "connecting",
      grpcError(14, "No connection established. Last error: ECONNREFUSED. Resolution note: x"),
    );
    expect(down.kind).toBe("unavailable");
    expect(down.detail).toBe("No connection established. Last error: ECONNREFUSED.");
    expect(toSparkError("connecting", grpcError(16, "bad token")).kind).toBe("unauthenticated");
  });
});
