/**
 * The string edits of `replace` and `substring` in process, as DuckDB's and Spark's `replace` and `substring`
 * do them: literal text, not a pattern; positions counted in Unicode code points.
 */

/**
 * A function replacing every occurrence of `search` (not empty) by `replacement`, left to right, without
 * overlaps; `$` in `replacement` is itself (not a `String.replace` pattern).
 * @example replacing(",", ".")("1,5") // "1.5"
 */
export function replacing(search: string, replacement: string): (text: string) => string {
  return (text) => (text.includes(search) ? text.split(search).join(replacement) : text);
}

/** True when `text` holds no surrogate pair: its code points are its UTF-16 units. */
function singleUnits(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdfff) return false;
  }
  return true;
}

/**
 * A function giving the `length` code points (all, when undefined) from the `start`-th (1-based); "" past the end.
 * @example codePoints(2, 3)("a😀bcd") // "😀bc"
 */
export function codePoints(start: number, length: number | undefined): (text: string) => string {
  const end = length === undefined ? undefined : start - 1 + length;
  return (text) => {
    if (singleUnits(text)) return text.slice(start - 1, end);
    return Array.from(text)
      .slice(start - 1, end)
      .join("");
  };
}
