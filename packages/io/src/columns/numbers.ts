import { FALSE_WORDS, FLOAT_TEXT, INT_TEXT, TRUE_WORDS } from "./text-grammar";

/**
 * Numbers and booleans parsed straight from bytes (no string per cell on the fast path).
 * Each parser returns NaN for "does not parse". Non-finite numbers (`NaN`, `Infinity`, `inf`, `1e999`) do not
 * parse: the fast path cannot produce one, and the slow path checks finiteness once per value.
 */

const D0 = 48;
const SPACE = 32;
const TAB = 9;
const PLUS = 43;
const MINUS = 45;
const DOT = 46;

/** 10^0 … 10^22: every one is exact in a double, so `mantissa / 10^k` is correctly rounded (Clinger's fast path). */
const POW10 = Array.from({ length: 23 }, (_, i) => 10 ** i);
const MAX_FAST_MANTISSA = 2 ** 53;

const slowFloat = new RegExp(`^${FLOAT_TEXT}$`);
const nonFinite = /^\s*[+-]?(?:nan|inf|infinity)\s*$/i;
const latin1 = new TextDecoder("latin1");

function slowPath(b: Uint8Array, s: number, e: number): number {
  const text = latin1.decode(b.subarray(s, e));
  if (!slowFloat.test(text)) return Number.NaN;
  const value = Number(text);
  return Number.isFinite(value) ? value : Number.NaN; // 1e999 overflows to Infinity: invalid
}

const integerText = new RegExp(`^[ \\t]*${INT_TEXT}[ \\t]*$`);

/**
 * True when `text` is an integer (as an int column reads it) beyond the safe integers, ±(2^53 − 1), which a
 * number cannot hold exactly (for error messages).
 * @example isUnsafeIntegerText("9007199254740993") // true
 */
export function isUnsafeIntegerText(text: string): boolean {
  return integerText.test(text) && Math.abs(Number(text.trim())) > Number.MAX_SAFE_INTEGER;
}

/** True when `text` is a number that is not finite: `NaN`, `Infinity`, `-inf`, `1e999` (for error messages). */
export function isNonFiniteNumberText(text: string): boolean {
  if (nonFinite.test(text)) return true;
  const trimmed = text.trim();
  return slowFloat.test(trimmed) && !Number.isFinite(Number(trimmed));
}

/**
 * Parse `b[start..end)` as a finite decimal number (`-1.5`, `.5`, `2.`, `1e-3`); NaN when it does not parse,
 * and for `NaN`, `Infinity`, `inf` and values beyond ±1.8e308.
 * Spaces and tabs around the number are ignored.
 * @example parseFloatBytes(Buffer.from("12.50"), 0, 5) // 12.5
 */
export function parseFloatBytes(b: Uint8Array, start: number, end: number): number {
  // the usual cell first: [-]digits[.digits], at most 15 digits (their value and 10^k are exact doubles, so
  // one division is correctly rounded); anything else (blanks, +, an exponent, more digits) goes the long way
  let p = start;
  const negative = b[p] === MINUS;
  if (negative) p++;
  let mantissa = 0;
  const digitsStart = p;
  while (p < end) {
    const d = (b[p] as number) - D0;
    if (d < 0 || d > 9) break;
    mantissa = mantissa * 10 + d;
    p++;
  }
  let digits = p - digitsStart;
  let fraction = 0;
  if (p < end && b[p] === DOT) {
    const fractionStart = ++p;
    while (p < end) {
      const d = (b[p] as number) - D0;
      if (d < 0 || d > 9) break;
      mantissa = mantissa * 10 + d;
      p++;
    }
    fraction = p - fractionStart;
    digits += fraction;
  }
  if (p !== end || digits === 0 || digits > 15) return parseFloatAnyForm(b, start, end);
  const value = fraction === 0 ? mantissa : mantissa / (POW10[fraction] as number);
  return negative ? -value : value;
}

/** {@link parseFloatBytes} for every form it accepts. */
function parseFloatAnyForm(b: Uint8Array, start: number, end: number): number {
  let s = start;
  let e = end;
  while (s < e && (b[s] === SPACE || b[s] === TAB)) s++;
  while (e > s && (b[e - 1] === SPACE || b[e - 1] === TAB)) e--;
  if (s >= e) return Number.NaN;
  let p = s;
  let negative = false;
  let c = b[p] as number;
  if (c === MINUS || c === PLUS) {
    negative = c === MINUS;
    p++;
  }
  let mantissa = 0;
  let digits = 0; // significant digits taken into the mantissa
  let anyDigit = false;
  let scale = 0; // power of ten to apply
  while (p < e) {
    c = (b[p] as number) - D0;
    if (c < 0 || c > 9) break;
    anyDigit = true;
    if (digits > 0 || c !== 0) {
      if (digits >= 15) return slowPath(b, s, e);
      mantissa = mantissa * 10 + c;
      digits++;
    }
    p++;
  }
  if (p < e && b[p] === DOT) {
    p++;
    while (p < e) {
      c = (b[p] as number) - D0;
      if (c < 0 || c > 9) break;
      anyDigit = true;
      if (digits > 0 || c !== 0) {
        if (digits >= 15) return slowPath(b, s, e);
        mantissa = mantissa * 10 + c;
        digits++;
      }
      scale--;
      p++;
    }
  }
  if (!anyDigit) return slowPath(b, s, e);
  if (p < e) {
    c = b[p] as number;
    if (c !== 101 && c !== 69) return Number.NaN; // e, E
    return slowPath(b, s, e);
  }
  if (mantissa === 0) return negative ? -0 : 0;
  if (mantissa > MAX_FAST_MANTISSA || scale < -22) return slowPath(b, s, e);
  const value = mantissa / (POW10[-scale] as number);
  return negative ? -value : value;
}

/**
 * Parse `b[start..end)` as an integer (`42`, `-7`, also `3.0`: a zero fraction is allowed, `1.5` is not); NaN otherwise.
 * @example parseIntBytes(Buffer.from("42"), 0, 2) // 42
 */
export function parseIntBytes(b: Uint8Array, start: number, end: number): number {
  let s = start;
  let e = end;
  while (s < e && (b[s] === SPACE || b[s] === TAB)) s++;
  while (e > s && (b[e - 1] === SPACE || b[e - 1] === TAB)) e--;
  if (s >= e) return Number.NaN;
  let p = s;
  let negative = false;
  const first = b[p] as number;
  if (first === MINUS || first === PLUS) {
    negative = first === MINUS;
    p++;
  }
  const digitsStart = p;
  let value = 0;
  while (p < e) {
    const c = (b[p] as number) - D0;
    if (c < 0 || c > 9) break;
    value = value * 10 + c;
    p++;
  }
  if (p === digitsStart) return Number.NaN;
  if (p < e && b[p] === DOT) {
    p++;
    while (p < e && b[p] === D0) p++;
  }
  if (p !== e || value > Number.MAX_SAFE_INTEGER) return Number.NaN;
  return negative ? 0 - value : value;
}

/**
 * Parse `b[start..end)` as a boolean: true/false, t/f, 1/0, yes/no, y/n in any case. Returns 1, 0, or -1 when it does not parse.
 * @example parseBooleanBytes(Buffer.from("Y"), 0, 1) // 1
 */
export function parseBooleanBytes(b: Uint8Array, start: number, end: number): number {
  let s = start;
  let e = end;
  while (s < e && (b[s] === SPACE || b[s] === TAB)) s++;
  while (e > s && (b[e - 1] === SPACE || b[e - 1] === TAB)) e--;
  const n = e - s;
  if (n === 0 || n > 5) return -1;
  let word = "";
  for (let i = s; i < e; i++) word += String.fromCharCode((b[i] as number) | 0x20);
  return booleanWords.get(word) ?? -1;
}

const booleanWords = new Map<string, number>([
  ...TRUE_WORDS.map((word): [string, number] => [word, 1]),
  ...FALSE_WORDS.map((word): [string, number] => [word, 0]),
]);
