/**
 * The byte-kinds scan (`byteKindsAt`) as a WebAssembly SIMD loop, 16 bytes a step: ~0.3 s for 856 MB of CSV
 * (0.4 s with reading the file), where a byte-at-a-time JavaScript loop takes ~1 s. The module is assembled here from its instructions (no build step,
 * no binary checked in); each kind is one vector of lanes that saw it, or-ed over the range, then one bit.
 */
import { BYTE_KIND } from "./byte-kinds";

/** A scanner over its own memory: fill `bytes` (the scanned range, the byte before and 16 after), then `scan`. */
export interface SimdByteScanner {
  /** The module's memory, as bytes. */
  readonly bytes: Uint8Array;
  /** The kinds of `bytes[start..end)`, as `byteKindsAt(bytes, start, end)`; needs 1 ≤ start, end + 17 ≤ length. */
  readonly scan: (start: number, end: number) => number;
}

const PAGE = 65_536;

/** Unsigned LEB128. */
function uleb(n: number): number[] {
  const out: number[] = [];
  let rest = n;
  do {
    const byte = rest & 0x7f;
    rest >>>= 7;
    out.push(rest === 0 ? byte : byte | 0x80);
  } while (rest !== 0);
  return out;
}

/** A vector of items, its count first. */
const vec = (items: readonly number[][]): number[] => [...uleb(items.length), ...items.flat()];
/** A section: its id, its size, its contents. */
const section = (id: number, contents: readonly number[]): number[] => [
  id,
  ...uleb(contents.length),
  ...contents,
];
/** A name. */
const name = (text: string): number[] => vec([...text].map((c) => [c.charCodeAt(0)]));

// Instructions: the few this loop uses.
const I32 = 0x7f;
const V128 = 0x7b;
const get = (i: number) => [0x20, ...uleb(i)];
const set = (i: number) => [0x21, ...uleb(i)];
const i32 = (n: number) => [0x41, ...uleb(n)]; // small non-negative constants only (signed LEB of n < 64)
const simd = (op: number) => [0xfd, ...uleb(op)];
const load = [...simd(0x00), 0, 0]; // v128.load, align 1, offset 0
const bytesConst = (lanes: readonly number[]) => [...simd(0x0c), ...lanes];
const splat = (byte: number) => bytesConst(Array.from({ length: 16 }, () => byte));
const [EQ, LE_U, LT_U, AND_NOT, OR, BITSELECT, ANY_TRUE, SUB, SPLAT] = [
  0x23, 0x2a, 0x26, 0x4f, 0x50, 0x52, 0x53, 0x71, 0x0f,
].map(simd) as [number[], number[], number[], number[], number[], number[], number[], number[], number[]];
const [I32_ADD, I32_SUB, I32_GE_U, I32_GT_U, I32_SHL, I32_OR, SELECT] = [
  [0x6a],
  [0x6b],
  [0x4f],
  [0x4b],
  [0x74],
  [0x72],
  [0x1b],
];
const [BLOCK, LOOP, END, BR, BR_IF, VOID] = [0x02, 0x03, 0x0b, 0x0c, 0x0d, 0x40];

// Locals: the parameters `start` (the cursor) and `end`, then v (the bytes), p (each one's previous byte), n
// (each one's next byte), then one accumulator per kind.
const [START, END_AT, V, P, N] = [0, 1, 2, 3, 4];
const KINDS = Object.values(BYTE_KIND);
const acc = (k: number) => 5 + k;

/** `v == byte` for each lane. */
const eq = (local: number, byte: number) => [...get(local), ...splat(byte), ...EQ];
/** Or the lanes on the stack into kind `k`'s accumulator. */
const into = (k: number) => [...get(acc(k)), ...OR, ...set(acc(k))];

/** The kinds, in the order of {@link BYTE_KIND}: each one's lanes for the current 16 bytes. */
const KIND_LANES: readonly number[][] = [
  eq(V, 95), // _
  eq(V, 43), // +
  [...eq(V, 11), ...eq(V, 12), ...OR], // vertical tab, form feed
  eq(V, 34), // "
  [...eq(V, 13), ...eq(N, 10), ...AND_NOT], // CR, not before LF
  [...eq(V, 101), ...eq(V, 69), ...OR], // e, E
  // `.` where the previous byte minus '0' is not 0-9 (unsigned)
  [...eq(V, 46), ...get(P), ...splat(48), ...SUB, ...splat(9), ...LE_U, ...AND_NOT],
];

function scanBody(): number[] {
  const iota = bytesConst(Array.from({ length: 16 }, (_, i) => i));
  // lanes at or past `end` read as '0', which is no kind (nor the byte before a point)
  const remaining = [...get(END_AT), ...get(START), ...I32_SUB];
  const lanesInRange = [...iota, ...i32(16), ...remaining, ...remaining, ...i32(16), ...I32_GT_U, ...SELECT];
  const step = [
    ...get(START),
    ...get(END_AT),
    ...I32_GE_U,
    BR_IF,
    1,
    ...get(START),
    ...load,
    ...splat(48),
    ...lanesInRange,
    ...SPLAT,
    ...LT_U,
    ...BITSELECT,
    ...set(V),
    ...get(START),
    ...i32(1),
    ...I32_SUB,
    ...load,
    ...set(P),
    ...get(START),
    ...i32(1),
    ...I32_ADD,
    ...load,
    ...set(N),
    ...KIND_LANES.flatMap((lanes, k) => [...lanes, ...into(k)]),
    ...get(START),
    ...i32(16),
    ...I32_ADD,
    ...set(START),
    BR,
    0,
  ];
  const result = KINDS.flatMap((_, k) => [
    ...get(acc(k)),
    ...ANY_TRUE,
    ...(k === 0 ? [] : [...i32(k), ...I32_SHL, ...I32_OR]),
  ]);
  const locals = vec([[...uleb(3 + KINDS.length), V128]]);
  const code = [...locals, BLOCK, VOID, LOOP, VOID, ...step, END, END, ...result, END];
  return [...uleb(code.length), ...code];
}

/** The module: `scan(start, end) -> kinds` and its memory of `pages` pages. */
function moduleBytes(pages: number): Uint8Array {
  const type = section(1, vec([[0x60, ...vec([[I32], [I32]]), ...vec([[I32]])]]));
  const functions = section(3, vec([[0]]));
  const memory = section(5, vec([[0x00, ...uleb(pages)]]));
  const exports = section(
    7,
    vec([
      [...name("scan"), 0x00, 0],
      [...name("memory"), 0x02, 0],
    ]),
  );
  const code = section(10, vec([scanBody()]));
  return Uint8Array.from([
    0x00,
    0x61,
    0x73,
    0x6d,
    1,
    0,
    0,
    0,
    ...type,
    ...functions,
    ...memory,
    ...exports,
    ...code,
  ]);
}

/** The part of the WebAssembly API this uses (the global is not in this package's type libraries). */
interface WebAssemblyApi {
  validate(bytes: Uint8Array): boolean;
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object) => { readonly exports: Record<string, unknown> };
}

/**
 * A SIMD scanner with at least `size` bytes of memory, or undefined where WebAssembly SIMD is not available
 * (the caller then uses `byteKindsAt`).
 * @example simdByteScanner(1 << 20)?.scan(1, 100)
 */
export function simdByteScanner(size: number): SimdByteScanner | undefined {
  const wasm = (globalThis as { WebAssembly?: WebAssemblyApi }).WebAssembly;
  const bytes = moduleBytes(Math.ceil(size / PAGE));
  if (wasm === undefined || !wasm.validate(bytes)) return undefined;
  const { exports } = new wasm.Instance(new wasm.Module(bytes));
  const scan = exports.scan as (start: number, end: number) => number;
  const memory = exports.memory as { readonly buffer: ArrayBuffer };
  return { bytes: new Uint8Array(memory.buffer), scan };
}
