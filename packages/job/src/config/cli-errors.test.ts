import { afterEach, describe, expect, it } from "vitest";
import { configureLogging, resetLogging } from "../log/logger";
import { describeCliError, isUserFacingError } from "./cli-errors";
import { ConfigError } from "./errors";

afterEach(() => resetLogging());

describe("isUserFacingError", () => {
  it("accepts errors marked userFacing and Node's system errors", () => {
    expect(isUserFacingError(new ConfigError("x", { kind: "invalid-config" }))).toBe(true);
    expect(isUserFacingError(Object.assign(new Error("x"), { userFacing: true }))).toBe(true);
    expect(isUserFacingError(Object.assign(new Error("x"), { code: "EACCES", syscall: "open" }))).toBe(true);
  });

  it("rejects other errors and non-errors", () => {
    expect(isUserFacingError(new Error("x"))).toBe(false);
    expect(isUserFacingError(Object.assign(new Error("x"), { userFacing: "yes" }))).toBe(false);
    expect(isUserFacingError(Object.assign(new Error("x"), { code: "ERR_INVALID_ARG_TYPE" }))).toBe(false);
    expect(isUserFacingError({ message: "x", userFacing: true })).toBe(false);
  });
});

describe("describeCliError", () => {
  it("gives config errors exit code 2 and user errors 1, or their own positive code", () => {
    expect(describeCliError(new ConfigError("--seed: bad", { kind: "invalid-value" }), {})).toEqual({
      text: "--seed: bad",
      exitCode: 2,
    });
    expect(
      describeCliError(Object.assign(new Error("m"), { userFacing: true, exitCode: 0 }), {}).exitCode,
    ).toBe(1);
    expect(
      describeCliError(Object.assign(new Error("m"), { userFacing: true, exitCode: 4 }), {}).exitCode,
    ).toBe(4);
  });

  it("hides the stack of unexpected errors unless DEBUG is set or the level is debug", () => {
    const error = new RangeError("bad index");
    expect(describeCliError(error, {}).text).toBe(
      "RangeError: bad index (set DEBUG=1 or --log-level debug for the stack trace)",
    );
    expect(describeCliError(error, { DEBUG: "false" }).text).not.toContain("\n");
    expect(describeCliError(error, { DEBUG: "tablepipe" }).text).toBe(error.stack);
    configureLogging({ level: "debug", stream: { write: () => true } });
    expect(describeCliError(error, {}).text).toBe(error.stack);
  });

  it("adds the head line when a stack does not carry the message", () => {
    const error = new Error("shown");
    error.stack = "    at somewhere";
    expect(describeCliError(error, { DEBUG: "1" }).text).toBe("Error: shown\n    at somewhere");
  });

  it("describes thrown non-errors", () => {
    expect(describeCliError(42, {})).toEqual({ text: "uncaught number: 42", exitCode: 1 });
  });
});
