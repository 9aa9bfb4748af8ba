import type { TransformRuntime } from "./runtime";

/** The mark's key: `Symbol.for`, so that two loaded copies of core (ESM and CommonJS) read one mark. */
const BUILT_IN = Symbol.for("@tablepipe/built-in-transform");

/**
 * Mark `transform`, one of `@tablepipe/transforms`' own objects, as the library's: the SQL engines give the
 * transform object so marked its built-in rendering, and no other transform, whatever its name and params.
 * @example markBuiltIn(fillNull);
 */
export function markBuiltIn(transform: TransformRuntime): void {
  Object.defineProperty(transform, BUILT_IN, { value: transform.transformName, enumerable: false });
}

/** The name `markBuiltIn` gave `transform` when it is a library transform object, else undefined. */
export function builtInName(transform: TransformRuntime): string | undefined {
  const name = (transform as unknown as Record<symbol, unknown>)[BUILT_IN];
  return typeof name === "string" ? name : undefined;
}
