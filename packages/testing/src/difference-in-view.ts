import { MAX_TEXT } from "./format-value";

/** Characters shown before the first difference when a cell is shown from there. */
const CONTEXT = 10;

/**
 * A differing cell's `text`, cut to `width` characters so that its first difference from `other` (the other
 * table's cell) stays in view: cut at the end as usual when the difference is in the first part, otherwise
 * shown from a little before it, after an ellipsis. Two long strings alike up to the cut then print apart:
 * `…xxxxxxxxxxA"` beside `…xxxxxxxxxxB"`, where both would print as `"sensor-xxxxxxxx…`.
 * @example differenceInView(`"${"x".repeat(50)}A"`, `"${"x".repeat(50)}B"`) // '…xxxxxxxxxxA"'
 */
export function differenceInView(text: string, other: string, width = MAX_TEXT): string {
  // by code point, so that no cut splits a surrogate pair
  const chars = Array.from(text);
  if (chars.length <= width) return text;
  const others = Array.from(other);
  let first = 0;
  while (first < chars.length && first < others.length && chars[first] === others[first]) first += 1;
  if (first < width - 1) return `${chars.slice(0, width - 1).join("")}…`;
  const room = width - 1;
  const start = first - CONTEXT;
  if (chars.length - start <= room) return `…${chars.slice(chars.length - room).join("")}`;
  return `…${chars.slice(start, start + room - 1).join("")}…`;
}
