import { describe, expect, it, vi } from "vitest";
import { abortable, type CallSettlers } from "./abortable";
import { SparkQueryError } from "./errors";

/** A call that settles only when the test says, recording its cancellation. */
function pendingCall() {
  const call = { cancel: vi.fn(), settle: undefined as CallSettlers<string> | undefined };
  const start = (settle: CallSettlers<string>) => {
    call.settle = settle;
    return call;
  };
  return { call, start };
}

describe("abortable: a Spark Connect call that a signal stops", () => {
  it("settles as the call does while the signal is not aborted", async () => {
    const { call, start } = pendingCall();
    const result = abortable("the pipe's query", new AbortController().signal, start);
    call.settle?.resolve("rows");
    await expect(result).resolves.toBe("rows");
    expect(call.cancel).not.toHaveBeenCalled();
  });

  it("on abort, interrupts the server's side, cancels the stream and rejects as interrupted", async () => {
    const controller = new AbortController();
    const { call, start } = pendingCall();
    const interrupt = vi.fn(() => Promise.resolve(["op-1"]));
    const result = abortable("the pipe's query", controller.signal, start, interrupt);
    controller.abort(new Error("interrupted by SIGINT"));
    // what the cancelled stream reports afterwards does not change the outcome
    call.settle?.reject(new Error("1 CANCELLED: Cancelled on client"));
    const error = await result.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SparkQueryError);
    expect(error).toMatchObject({ kind: "interrupted", step: "the pipe's query" });
    expect((error as Error).message).toBe(
      "the pipe's query: the query was interrupted: interrupted by SIGINT",
    );
    expect(interrupt).toHaveBeenCalledOnce();
    expect(call.cancel).toHaveBeenCalledOnce();
  });

  it("still rejects as interrupted when the Interrupt call fails (the server is gone)", async () => {
    const controller = new AbortController();
    const { start } = pendingCall();
    const result = abortable("caching", controller.signal, start, () => Promise.reject(new Error("down")));
    controller.abort(new Error("interrupted by SIGTERM"));
    await expect(result).rejects.toThrow("caching: the query was interrupted: interrupted by SIGTERM");
  });

  it("makes no call once the signal is aborted", async () => {
    const start = vi.fn(pendingCall().start);
    const result = abortable("counting", AbortSignal.abort(new Error("stop")), start);
    await expect(result).rejects.toMatchObject({ kind: "interrupted", detail: "stop" });
    expect(start).not.toHaveBeenCalled();
  });
});
