import { builtInName, type TransformRuntime } from "@tablepipe/core/internal";
import * as transforms from "@tablepipe/transforms";
import { describe, expect, it } from "vitest";
import { RENDERED_TRANSFORMS } from "./index";

/** The exports of @tablepipe/transforms that are transforms (callables with a transform name). */
const exported: readonly TransformRuntime[] = Object.values(transforms as Record<string, unknown>).filter(
  (value): value is TransformRuntime =>
    typeof value === "function" && typeof (value as { transformName?: unknown }).transformName === "string",
);

describe("the library's own transforms and their built-in renderings", () => {
  it("marks, for every rendered transform, the export of that name as the library's own", () => {
    const marked = new Set(exported.map((t) => builtInName(t)));
    expect(RENDERED_TRANSFORMS.filter((name) => !marked.has(name))).toEqual([]);
    expect(RENDERED_TRANSFORMS.length).toBeGreaterThan(20);
  });
});
