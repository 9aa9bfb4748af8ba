/**
 * Numbers as `Intl.NumberFormat("en-US", …)` writes them, for the options tablepipe's messages and reports use,
 * without Intl: the first Intl number format of a process loads ICU's locale data (~9 ms), a cost every CLI run
 * paid for its log lines. The tests compare each option with Intl's own output.
 */

/** The `Intl.NumberFormat` options {@link numberFormat} supports (locale `en-US`). */
export interface NumberFormatOptions {
  /** Digits after the point at most; the rest is rounded half away from zero, as Intl does. */
  readonly maximumFractionDigits: number;
  /** Digits after the point at least, zeros added (0 by default; at most `maximumFractionDigits`). */
  readonly minimumFractionDigits?: number;
  /** Thousands separators (`1,234`); true by default. */
  readonly useGrouping?: boolean;
  /**
   * `auto` (default): `-` before a negative number, -0 and a negative number rounded to zero too; `negative`:
   * `-` only before a number that is still negative once rounded; `exceptZero`: `+` or `-` except for zero.
   */
  readonly signDisplay?: "auto" | "negative" | "exceptZero";
  /** `percent`: the value × 100, followed by `%`. `decimal` by default. */
  readonly style?: "decimal" | "percent";
}

const GROUPS = /\B(?=(\d{3})+$)/g;
const ZERO = 48;

/**
 * A formatter writing numbers as `new Intl.NumberFormat("en-US", options).format` does: rounding the shortest
 * decimal text of the value (`1.005` → `1.01` at two digits, as Intl, where `toFixed` gives `1.00`), half away
 * from zero; `NaN`, `∞`.
 * @example numberFormat({ maximumFractionDigits: 1, signDisplay: "exceptZero" })(12.34) // "+12.3"
 */
export function numberFormat(options: NumberFormatOptions): (value: number) => string {
  const max = options.maximumFractionDigits;
  const min = options.minimumFractionDigits ?? 0;
  if (!Number.isInteger(max) || max < 0 || max > 100 || !Number.isInteger(min) || min < 0 || min > max) {
    throw new RangeError(
      `numberFormat: expected 0 <= minimumFractionDigits (${min}) <= maximumFractionDigits (${max}) <= 100, whole numbers`,
    );
  }
  const grouping = options.useGrouping ?? true;
  const signDisplay = options.signDisplay ?? "auto";
  const shift = options.style === "percent" ? 2 : 0;
  const suffix = options.style === "percent" ? "%" : "";
  return (value: number): string => {
    if (Number.isNaN(value)) return `NaN${suffix}`;
    const negative = value < 0 || Object.is(value, -0);
    let body: string;
    let zero: boolean;
    if (Number.isFinite(value)) {
      const { whole, fraction } = roundedParts(Math.abs(value), shift, max, min);
      zero = /^0*$/.test(whole + fraction);
      body = (grouping ? whole.replace(GROUPS, ",") : whole) + (fraction === "" ? "" : `.${fraction}`);
    } else {
      zero = false;
      body = "∞";
    }
    const sign =
      signDisplay === "auto"
        ? negative
          ? "-"
          : ""
        : zero
          ? ""
          : negative
            ? "-"
            : signDisplay === "exceptZero"
              ? "+"
              : "";
    return `${sign}${body}${suffix}`;
  };
}

/**
 * The digits of a finite `magnitude` >= 0 × 10^`shift`, rounded half away from zero to `max` fraction digits
 * (of its shortest decimal text, as ICU rounds), trailing zeros dropped down to `min` fraction digits.
 */
function roundedParts(
  magnitude: number,
  shift: number,
  max: number,
  min: number,
): { whole: string; fraction: string } {
  let { digits, point } = shortestDigits(magnitude);
  if (digits !== "") point += shift;
  // the value is 0.<digits> × 10^point; keep the digits before the (point + max)th
  const keep = point + max;
  if (keep < digits.length) {
    const roundsUp = keep >= 0 && digits.charCodeAt(keep) >= ZERO + 5;
    digits = keep > 0 ? digits.slice(0, keep) : "";
    if (roundsUp) {
      const carried = incremented(digits);
      if (carried.length > digits.length) point += 1;
      digits = carried;
    }
  }
  const whole = point > 0 ? digits.slice(0, point).padEnd(point, "0") : "0";
  let fraction = point >= 0 ? digits.slice(point) : "0".repeat(-point) + digits;
  // a value rounded to nothing (below half of 10^-max) has only zeros, past `max` too: cut to `max`
  fraction = fraction.slice(0, max).padEnd(min, "0");
  let end = fraction.length;
  while (end > min && fraction.charCodeAt(end - 1) === ZERO) end--;
  return { whole, fraction: fraction.slice(0, end) };
}

/** The shortest decimal digits of a finite `magnitude` >= 0, no leading zeros: the value is 0.<digits> × 10^point. */
function shortestDigits(magnitude: number): { digits: string; point: number } {
  if (magnitude === 0) return { digits: "", point: 0 };
  const text = String(magnitude); // "123.45", "0.00012", "1.5e-7", "1e+21"
  const e = text.indexOf("e");
  const mantissa = e < 0 ? text : text.slice(0, e);
  const dot = mantissa.indexOf(".");
  const all = dot < 0 ? mantissa : mantissa.slice(0, dot) + mantissa.slice(dot + 1);
  let lead = 0;
  while (all.charCodeAt(lead) === ZERO) lead++;
  const point = (dot < 0 ? mantissa.length : dot) + (e < 0 ? 0 : Number(text.slice(e + 1))) - lead;
  return { digits: all.slice(lead), point };
}

/**
 * A number rounded to a whole one, with thousands separators, as `Intl.NumberFormat("en-US",
 * { maximumFractionDigits: 0 })` writes it: the counts and milliseconds of log lines and funnels.
 * @example formatWhole(1234567.6) // "1,234,568"
 */
export const formatWhole: (value: number) => string = numberFormat({ maximumFractionDigits: 0 });

/** A string of decimal digits plus one in its last place (`"199"` → `"200"`, `"99"` → `"100"`, `""` → `"1"`). */
function incremented(digits: string): string {
  let i = digits.length - 1;
  while (i >= 0 && digits[i] === "9") i--;
  if (i < 0) return `1${"0".repeat(digits.length)}`;
  return (
    digits.slice(0, i) + String.fromCharCode(digits.charCodeAt(i) + 1) + "0".repeat(digits.length - i - 1)
  );
}
