import { realpath } from "node:fs/promises";
import { dirname, join, relative, resolve, sep } from "node:path";

/** The real path of `path`, following links in the part of it that exists (the rest is appended as given). */
export async function realish(path: string): Promise<string> {
  const absolute = resolve(path);
  let existing = absolute;
  for (;;) {
    try {
      const real = await realpath(existing);
      return join(real, relative(existing, absolute));
    } catch {
      if (dirname(existing) === existing) return absolute;
      existing = dirname(existing);
    }
  }
}

/** True when the absolute path `inner` is `outer` or lies inside it. */
export function within(inner: string, outer: string): boolean {
  return inner === outer || inner.startsWith(outer.endsWith(sep) ? outer : outer + sep);
}
