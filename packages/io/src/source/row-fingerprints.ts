import type { ColumnTable } from "arquero";

/**
 * The distinct rows among all rows seen, told apart by a 64-bit fingerprint of their values: for a streamed
 * dedupe that lets rows go (see `CandidateRows`), which must still count a later copy of a row it let go as
 * a duplicate. Values are equal as `dropDuplicates` has them: every missing value (null, undefined, NaN, an
 * invalid Date) alike, 0 and -0 alike, a Date by its instant. Two different rows share a fingerprint with a
 * probability of about n² / 2^65 for n rows (3 × 10^-5 for 34M rows). The fingerprints are kept in one array
 * (8 bytes a row, written in order) and counted by sorting them: a hash set of them took ~1.5 s for the 3.4M
 * rows of 10M taxi trips, most of it waiting on memory.
 */
export class RowFingerprints {
  /** The fingerprints seen, two 32-bit words each (the second one's high half of a 64-bit key). */
  #words = new Uint32Array(1 << 12);
  #length = 0;
  /** The distinct count, until more rows are seen. */
  #distinct: number | undefined = 0;

  /** The distinct rows seen. */
  get size(): number {
    this.#distinct ??= this.#countDistinct();
    return this.#distinct;
  }

  /** See rows `rows` of `table`'s backing columns `columns` (the rows it shows, by default). */
  add(table: ColumnTable, columns: readonly string[], rows: ArrayLike<number> = table.indices(true)): void {
    const n = rows.length;
    const lanes = new Lanes(n);
    for (const name of columns) {
      const values = table.column(name) as unknown as ArrayLike<unknown>;
      if (values instanceof Float64Array) {
        // `Lanes.bits`, inline: no call per value
        const { one, two } = lanes;
        for (let i = 0; i < n; i++) {
          const value = values[rows[i] as number] as number;
          float[0] = value === 0 ? 0 : Number.isNaN(value) ? Number.NaN : value;
          const lo = floatWords[0] as number;
          const hi = floatWords[1] as number;
          const a = Math.imul((one[i] as number) ^ lo, 0xcc9e2d51);
          one[i] = Math.imul(((a << 13) | (a >>> 19)) ^ hi, 0x1b873593);
          const b = Math.imul((two[i] as number) ^ hi, 0x85ebca77);
          two[i] = Math.imul(((b << 17) | (b >>> 15)) ^ lo, 0x9e3779b1);
        }
      } else {
        for (let i = 0; i < n; i++) lanes.value(i, values[rows[i] as number]);
      }
    }
    if (2 * (this.#length + n) > this.#words.length) {
      const grown = new Uint32Array(Math.max(2 * this.#words.length, 2 * (this.#length + n)));
      grown.set(this.#words.subarray(0, 2 * this.#length));
      this.#words = grown;
    }
    const words = this.#words;
    for (let i = 0, at = 2 * this.#length; i < n; i++, at += 2) {
      words[at] = fmix(lanes.one[i] as number);
      words[at + 1] = fmix2(lanes.two[i] as number);
    }
    this.#length += n;
    if (n > 0) this.#distinct = undefined;
  }

  /** Sort the fingerprints (a radix sort on 16 bits at a time) and count the different ones. */
  #countDistinct(): number {
    const n = this.#length;
    if (n === 0) return 0;
    let words = this.#words;
    let other = new Uint32Array(2 * n);
    const counts = new Int32Array(1 << 16);
    for (let pass = 0; pass < 4; pass++) {
      const word = pass >> 1; // the low word first, then the high one
      const shift = (pass & 1) * 16;
      counts.fill(0);
      for (let i = 0; i < n; i++) {
        const digit = ((words[2 * i + word] as number) >>> shift) & 0xffff;
        counts[digit] = (counts[digit] as number) + 1;
      }
      let sum = 0;
      for (let d = 0; d < counts.length; d++) {
        const c = counts[d] as number;
        counts[d] = sum;
        sum += c;
      }
      for (let i = 0; i < n; i++) {
        const digit = ((words[2 * i + word] as number) >>> shift) & 0xffff;
        const at = 2 * (counts[digit] as number);
        counts[digit] = at / 2 + 1;
        other[at] = words[2 * i] as number;
        other[at + 1] = words[2 * i + 1] as number;
      }
      [words, other] = [other, words];
    }
    // an even number of passes: the sorted keys are back in the fingerprints' own array
    this.#words = words;
    let distinct = 1;
    for (let at = 2; at < 2 * n; at += 2) {
      if (words[at] !== words[at - 2] || words[at + 1] !== words[at - 1]) distinct++;
    }
    return distinct;
  }
}

const SEED_1 = 0x2545f491;
const SEED_2 = 0x6c8e9cf5 | 0;
const TAG_STRING = 0x53545220;
const TAG_TRUE = 0x54525545;
const TAG_FALSE = 0x46414c53;
const TAG_BIGINT = 0x42494720;
const TAG_DATE = 0x44415445;
const TAG_OBJECT = 0x4f424a20;

const float = new Float64Array(1);
const floatWords = new Int32Array(float.buffer);

/** Two running hashes per row, each value's words mixed into both, consistently with `dropDuplicates`' equality. */
class Lanes {
  readonly one: Int32Array;
  readonly two: Int32Array;

  constructor(rows: number) {
    this.one = new Int32Array(rows).fill(SEED_1);
    this.two = new Int32Array(rows).fill(SEED_2);
  }

  word(i: number, word: number): void {
    this.one[i] = mix1(this.one[i] as number, word);
    this.two[i] = mix2(this.two[i] as number, word);
  }

  /**
   * A number's 8 bytes (0 for -0, one NaN for every missing value): what `add` mixes inline for a Float64Array
   * column, so a number hashes alike in a typed and in a plain column.
   */
  bits(i: number, value: number): void {
    float[0] = value === 0 ? 0 : Number.isNaN(value) ? Number.NaN : value;
    const lo = floatWords[0] as number;
    const hi = floatWords[1] as number;
    const a = Math.imul((this.one[i] as number) ^ lo, 0xcc9e2d51);
    this.one[i] = Math.imul(((a << 13) | (a >>> 19)) ^ hi, 0x1b873593);
    const b = Math.imul((this.two[i] as number) ^ hi, 0x85ebca77);
    this.two[i] = Math.imul(((b << 17) | (b >>> 15)) ^ lo, 0x9e3779b1);
  }

  text(i: number, tag: number, text: string): void {
    this.word(i, tag);
    this.word(i, text.length);
    for (let k = 0; k < text.length; k++) this.word(i, text.charCodeAt(k));
  }

  value(i: number, value: unknown): void {
    switch (typeof value) {
      case "number":
        this.bits(i, value);
        break;
      case "string":
        this.text(i, TAG_STRING, value);
        break;
      case "boolean":
        this.word(i, value ? TAG_TRUE : TAG_FALSE);
        break;
      case "bigint":
        this.text(i, TAG_BIGINT, value.toString());
        break;
      default:
        if (value === null || value === undefined) this.bits(i, Number.NaN);
        else if (value instanceof Date) {
          // an instant, told apart from the number of its milliseconds; an invalid Date is a missing value
          const time = value.getTime();
          if (!Number.isNaN(time)) this.word(i, TAG_DATE);
          this.bits(i, time);
        } else this.text(i, TAG_OBJECT, JSON.stringify(value));
    }
  }
}

/** One MurmurHash3 round. */
function mix1(h: number, word: number): number {
  let k = Math.imul(word, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, 0x1b873593);
  const x = h ^ k;
  return (Math.imul((x << 13) | (x >>> 19), 5) + 0xe6546b64) | 0;
}

/** A round of a second, independent hash (xxHash32's). */
function mix2(h: number, word: number): number {
  const x = (h + Math.imul(word, 0x85ebca77)) | 0;
  return Math.imul((x << 13) | (x >>> 19), 0x9e3779b1);
}

/** MurmurHash3's finaliser. */
function fmix(h: number): number {
  let x = h ^ (h >>> 16);
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  return x ^ (x >>> 16);
}

/** xxHash32's finaliser. */
function fmix2(h: number): number {
  let x = h ^ (h >>> 15);
  x = Math.imul(x, 0x85ebca77);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae3d);
  return x ^ (x >>> 16);
}
