import { numberFormat } from "@tablepipe/core/internal";

/** What a number that cannot be shown (NaN, ±Infinity) reads as. */
export const NOT_AVAILABLE = "n/a";

const integer = numberFormat({ maximumFractionDigits: 0, signDisplay: "negative" });
const metric = numberFormat({
  minimumFractionDigits: 3,
  maximumFractionDigits: 3,
  signDisplay: "negative",
});
const milliseconds = numberFormat({
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
  signDisplay: "negative",
});
const change = numberFormat({
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
  signDisplay: "exceptZero",
});
const share = numberFormat({
  style: "percent",
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
  signDisplay: "negative",
});
const plain = numberFormat({ maximumFractionDigits: 6, useGrouping: false });

function finite(value: number, format: (value: number) => string): string {
  return Number.isFinite(value) ? format(value) : NOT_AVAILABLE;
}

/** A count with thousands separators: `1,234,567`; `n/a` when not finite. */
export function formatInteger(value: number): string {
  return finite(value, (v) => integer(v));
}

/** A metric (RMSE, MAE, R²) with three decimals: `3.142`; `n/a` when not finite. */
export function formatMetric(value: number): string {
  return finite(value, (v) => metric(v));
}

/** Milliseconds with one decimal: `1,234.5`; `n/a` when not finite. */
export function formatMs(value: number): string {
  return finite(value, (v) => milliseconds(v));
}

/** The relative change from `rowsIn` to `rowsOut` in percent: `-38.8%`, `0.0%`; `n/a` when `rowsIn` is 0. */
export function formatChange(rowsIn: number, rowsOut: number): string {
  if (rowsIn === 0 || !Number.isFinite(rowsIn) || !Number.isFinite(rowsOut)) return NOT_AVAILABLE;
  return `${change(((rowsOut - rowsIn) / rowsIn) * 100)}%`;
}

/** A share (0..1) as a percentage with one decimal: `12.3%`; `n/a` when not finite. */
export function formatShare(value: number): string {
  return finite(value, (v) => share(v));
}

/** A plain number for axis-like text (no grouping, up to 6 decimals): `-2.5`; `n/a` when not finite. */
export function formatPlain(value: number): string {
  return finite(value, (v) => plain(v));
}

/** Any config or parameter value as display text: strings as they are, everything else as JSON-like text. */
export function formatDisplayValue(value: unknown): string {
  if (typeof value === "string") return value;
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : NOT_AVAILABLE;
  if (typeof value === "bigint") return value.toString();
  if (typeof value === "boolean" || value === null) return String(value);
  if (value === undefined) return "(not set)";
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "Invalid Date" : value.toISOString();
  if (typeof value === "function" || typeof value === "symbol") return `(${typeof value})`;
  try {
    return (
      JSON.stringify(value, (_key, inner: unknown) =>
        typeof inner === "bigint" ? inner.toString() : inner,
      ) ?? String(value)
    );
  } catch {
    return String(value);
  }
}

/** A file size: `812 B`, `14.2 KB`, `3.4 MB` (powers of 1,024). */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return NOT_AVAILABLE;
  if (bytes < 1024) return `${formatInteger(bytes)} B`;
  const units = ["KB", "MB", "GB", "TB"];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(1)} ${units[unit]}`;
}

/** A count and a noun in the right number: `1 row`, `2,000 rows`. */
export function formatCount(count: number, singular: string, plural: string): string {
  return `${formatInteger(count)} ${count === 1 ? singular : plural}`;
}
