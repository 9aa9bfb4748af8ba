const encoder = new TextEncoder();
let scratch = new Uint8Array(256);

/**
 * Encode a string as UTF-8 into a reused buffer so that the byte parsers can read it (valid until the next call).
 * @example const { bytes, length } = toScratch("12.5"); parseFloatBytes(bytes, 0, length)
 */
export function toScratch(text: string): { bytes: Uint8Array; length: number } {
  if (text.length * 3 > scratch.length) scratch = new Uint8Array(text.length * 3);
  const { written } = encoder.encodeInto(text, scratch);
  return { bytes: scratch, length: written };
}
