import { describe, expect, it } from "vitest";
import { eitherSignal } from "./either-signal";

describe("eitherSignal", () => {
  it("gives the one signal given, or one aborted with the reason of whichever is aborted first", () => {
    const a = new AbortController();
    const b = new AbortController();
    expect(eitherSignal(undefined, undefined)).toBeUndefined();
    expect(eitherSignal(a.signal, undefined)).toBe(a.signal);
    expect(eitherSignal(undefined, b.signal)).toBe(b.signal);
    expect(eitherSignal(a.signal, a.signal)).toBe(a.signal);
    const both = eitherSignal(a.signal, b.signal);
    expect(both?.aborted).toBe(false);
    b.abort(new Error("interrupted by SIGINT"));
    expect(both?.aborted).toBe(true);
    expect(both?.reason).toEqual(new Error("interrupted by SIGINT"));
  });
});
