/**
 * Code point ranges a terminal shows two cells wide (Unicode's East Asian Wide and Fullwidth blocks: Hangul,
 * CJK ideographs and punctuation, kana, fullwidth forms), as [first, last] pairs.
 */
const WIDE: readonly (readonly [number, number])[] = [
  [0x1100, 0x115f],
  [0x231a, 0x231b],
  [0x2329, 0x232a],
  [0x2e80, 0x303e],
  [0x3041, 0x33ff],
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xa000, 0xa4cf],
  [0xa960, 0xa97f],
  [0xac00, 0xd7a3],
  [0xf900, 0xfaff],
  [0xfe10, 0xfe19],
  [0xfe30, 0xfe6f],
  [0xff00, 0xff60],
  [0xffe0, 0xffe6],
  [0x1b000, 0x1b2ff],
  [0x1f300, 0x1f64f],
  [0x1f900, 0x1f9ff],
  [0x20000, 0x2fffd],
  [0x30000, 0x3fffd],
];

const ZERO_WIDTH = /^[\p{Mn}\p{Me}\p{Cf}\p{Cc}]/u;
const EMOJI = /\p{Emoji_Presentation}|\p{Extended_Pictographic}\uFE0F/u;
/**
 * The grapheme segmenter, made at its first use: the first `Intl` object of a process loads ICU's data (~8 ms),
 * which a run whose texts are all {@link oneCellEach} never needs.
 */
let segmenter: Intl.Segmenter | null | undefined;

/** The characters as a person sees them (grapheme clusters: "e" and a combining accent are one). */
function graphemes(text: string): string[] {
  segmenter ??=
    typeof Intl !== "undefined" && "Segmenter" in Intl
      ? new Intl.Segmenter(undefined, { granularity: "grapheme" })
      : null;
  return segmenter === null ? Array.from(text) : Array.from(segmenter.segment(text), (s) => s.segment);
}

/**
 * Whether a UTF-16 code unit is a character of its own that a terminal shows one cell wide, and that never joins
 * the characters beside it into one grapheme: printable ASCII, Latin-1 and the Latin, IPA and modifier letters
 * up to U+02FF (not the soft hyphen, which shows nothing), general punctuation (dashes, quotes, `…`, `‰`),
 * arrows, mathematical operators and box drawing. Combining marks start at U+0300.
 */
export function oneCellCharacter(code: number): boolean {
  return code < 0x300
    ? (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code !== 0xad)
    : (code >= 0x2010 && code <= 0x2027) ||
        (code >= 0x2030 && code <= 0x205e) ||
        (code >= 0x2190 && code <= 0x22ff) ||
        (code >= 0x2500 && code <= 0x259f);
}

/** Whether every character of `text` takes one cell on its own (see {@link oneCellCharacter}). */
function oneCellEach(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (!oneCellCharacter(text.charCodeAt(i))) return false;
  return true;
}

function isWide(code: number): boolean {
  return WIDE.some(([first, last]) => code >= first && code <= last);
}

/** The cells one grapheme takes in a monospaced terminal: 0, 1 or 2. */
function graphemeWidth(grapheme: string): number {
  if (EMOJI.test(grapheme)) return 2;
  if (ZERO_WIDTH.test(grapheme)) return 0;
  return isWide(grapheme.codePointAt(0) ?? 0) ? 2 : 1;
}

/**
 * The cells `text` takes in a monospaced terminal: CJK characters and emoji count two, combining marks and
 * invisible characters none (`"東京"` is 4, `"e\u0301"` is 1).
 * @example displayWidth("東京") // 4
 */
export function displayWidth(text: string): number {
  // the common case (ASCII, accented Latin, `→`, `…`) is its length
  if (oneCellEach(text)) return text.length;
  let width = 0;
  for (const grapheme of graphemes(text)) width += graphemeWidth(grapheme);
  return width;
}

/**
 * `text` cut to at most `width` cells, ending with `…` when cut (never inside a character).
 * @example cutToWidth("東京都庁", 5) // "東京…"
 */
export function cutToWidth(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  const room = Math.max(1, width - 1);
  let out = "";
  let used = 0;
  for (const grapheme of graphemes(text)) {
    const w = graphemeWidth(grapheme);
    if (used + w > room) break;
    out += grapheme;
    used += w;
  }
  return `${out}…`;
}

/** `text` padded with spaces to `width` cells, on the left (`right`: right-aligned) or the right. */
export function padToWidth(text: string, width: number, right: boolean): string {
  const fill = " ".repeat(Math.max(0, width - displayWidth(text)));
  return right ? fill + text : text + fill;
}
