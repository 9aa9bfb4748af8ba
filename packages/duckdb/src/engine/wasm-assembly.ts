/**
 * A mini-assembler for the hand-assembled WebAssembly SIMD functions of the byte scans (`simd-byte-kinds.ts`,
 * `simd-stamp-lines.ts`): the encodings of the module's parts and of the few instructions they use, each as the
 * bytes it assembles to.
 */

/** Unsigned LEB128. */
export function uleb(n: number): number[] {
  const out: number[] = [];
  let rest = n;
  do {
    const byte = rest & 0x7f;
    rest >>>= 7;
    out.push(rest === 0 ? byte : byte | 0x80);
  } while (rest !== 0);
  return out;
}

/** Signed LEB128 of a small integer (a constant's immediate). */
function sleb(n: number): number[] {
  const out: number[] = [];
  let rest = n;
  for (;;) {
    const byte = rest & 0x7f;
    rest >>= 7;
    const done = (rest === 0 && (byte & 0x40) === 0) || (rest === -1 && (byte & 0x40) !== 0);
    out.push(done ? byte : byte | 0x80);
    if (done) return out;
  }
}

/** A vector of items, its count first. */
export const vec = (items: readonly number[][]): number[] => [...uleb(items.length), ...items.flat()];
/** A section: its id, its size, its contents. */
export const section = (id: number, contents: readonly number[]): number[] => [
  id,
  ...uleb(contents.length),
  ...contents,
];
/** A name. */
export const name = (text: string): number[] => vec([...text].map((c) => [c.charCodeAt(0)]));

// Control: a block type follows block, loop and if (VOID: no result); a label's depth follows br and br_if.
export const [BLOCK, LOOP, IF, ELSE, END, BR, BR_IF, RETURN, VOID] = [
  0x02, 0x03, 0x04, 0x05, 0x0b, 0x0c, 0x0d, 0x0f, 0x40,
];

/** A function's body: its size, its locals (a count of each type), its code, `end`. */
export const functionBody = (locals: readonly (readonly [count: number, type: number])[], code: number[]) => {
  const body = [...vec(locals.map(([count, type]) => [...uleb(count), type])), ...code, END];
  return [...uleb(body.length), ...body];
};

// Value types
export const [I32, I64, V128] = [0x7f, 0x7e, 0x7b];

// Instructions: the few the scans use.
export const get = (i: number) => [0x20, ...uleb(i)];
export const set = (i: number) => [0x21, ...uleb(i)];
/** local.tee: set the local, keep the value on the stack. */
export const tee = (i: number) => [0x22, ...uleb(i)];
export const i32 = (n: number) => [0x41, ...sleb(n)];
export const i64 = (n: number) => [0x42, ...sleb(n)];
export const simd = (op: number) => [0xfd, ...uleb(op)];
/** v128.load at the address on the stack plus `offset`, align 1. */
export const load = (offset: number) => [...simd(0x00), 0, ...uleb(offset)];
/** i32.load8_u of the byte at the address on the stack plus `offset`. */
export const loadByte = (offset: number) => [0x2d, 0, ...uleb(offset)];
export const bytesConst = (lanes: readonly number[]) => [...simd(0x0c), ...lanes];
export const splat = (byte: number) => bytesConst(Array.from({ length: 16 }, () => byte));

// SIMD
export const SWIZZLE = simd(0x0e); // i8x16.swizzle
export const SPLAT = simd(0x0f); // i8x16.splat
/** i8x16.replace_lane (its lane index follows): the i32 on top into a lane of the vector under it. */
export const REPLACE_LANE = simd(0x17);
/** i64x2.extract_lane (its lane index follows). */
export const EXTRACT_I64 = simd(0x1d);
export const EQ = simd(0x23); // i8x16.eq
export const LT_U = simd(0x26); // i8x16.lt_u
export const AND = simd(0x4e); // v128.and
export const AND_NOT = simd(0x4f); // v128.andnot
export const OR = simd(0x50); // v128.or
export const BITSELECT = simd(0x52); // v128.bitselect
export const ANY_TRUE = simd(0x53); // v128.any_true
export const BITMASK = simd(0x64); // i8x16.bitmask
export const SHR_U = simd(0x6d); // i8x16.shr_u
export const SUB = simd(0x71); // i8x16.sub
export const SUB_SAT_U = simd(0x73); // i8x16.sub_sat_u

// Scalar
export const I32_EQZ = [0x45];
export const I32_EQ = [0x46];
export const I32_NE = [0x47];
export const I32_LT_U = [0x49];
export const I32_GT_U = [0x4b];
export const I32_LE_U = [0x4d];
export const I32_GE_U = [0x4f];
export const I64_EQZ = [0x50];
export const I32_CTZ = [0x68];
export const I32_ADD = [0x6a];
export const I32_SUB = [0x6b];
export const I32_MUL = [0x6c];
export const I32_AND = [0x71];
export const I32_OR = [0x72];
export const I64_CTZ = [0x7a];
export const I64_SUB = [0x7d];
export const I64_AND = [0x83];
export const I64_OR = [0x84];
export const I64_SHL = [0x86];
export const I64_SHR_U = [0x88];
export const I32_WRAP = [0xa7]; // i32.wrap_i64
export const I64_EXTEND_I32_U = [0xad];
