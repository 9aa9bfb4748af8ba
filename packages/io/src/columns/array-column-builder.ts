import type { CsvRecords } from "../csv/csv-tokenizer";
import type { ColumnSpec } from "../read/schema-columns";
import { type ColumnBuilder, filterArrayTail, type IssueSink, millisAsDates } from "./builder-support";

/**
 * The base of the builders whose column is a plain array of values and nulls (nullable numbers and time
 * stamps, booleans, strings): the storage and the methods that are the same for every kind. Each subclass
 * keeps its own `appendCsv` and `appendValues`, the hot loops, so each loop sees one element kind only.
 */
export abstract class ArrayColumnBuilder<T> implements ColumnBuilder {
  protected readonly data: (T | null)[] = [];
  /** What an absent or empty cell becomes: the column's default, else null. */
  protected abstract readonly emptyValue: T | null;

  constructor(readonly spec: ColumnSpec) {}

  get length(): number {
    return this.data.length;
  }

  abstract appendCsv(
    records: CsvRecords,
    buf: Uint8Array,
    field: number,
    sink: IssueSink,
    column: number,
  ): void;

  abstract appendValues(values: ArrayLike<unknown>, sink: IssueSink, column: number): void;

  /** Time stamps of a file reaching a builder of another kind: rejected as any Date value is. */
  appendEpochMillis(values: ArrayLike<unknown>, sink: IssueSink, column: number): void {
    this.appendValues(millisAsDates(values), sink, column);
  }

  values(): ArrayLike<unknown> {
    return this.data;
  }

  appendAbsent(count: number): void {
    const at = this.grow(count);
    this.data.fill(this.emptyValue, at, at + count);
  }

  /**
   * Make room for `count` more values in one step and return the index of the first: a push per value grows
   * a large array again and again. A loop that may stop early ends with {@link trimTo}.
   */
  protected grow(count: number): number {
    const at = this.data.length;
    this.data.length = at + count;
    return at;
  }

  /** Cut the values to the first `length` (the room {@link grow} made that a loop stopping early left empty). */
  protected trimTo(length: number): void {
    this.data.length = length;
  }

  expect(_rows: number): void {}

  filterTail(from: number, keep: Uint8Array): void {
    filterArrayTail(this.data, from, keep);
  }

  finish(): (T | null)[] {
    return this.data;
  }
}
