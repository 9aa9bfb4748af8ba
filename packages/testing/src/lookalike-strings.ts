/** Characters that print as nothing: zero-width spaces and joiners, the word joiner, soft hyphen, BOM. */
const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/g;

/**
 * True when `a` and `b` are different strings that print alike: the same text once Unicode-normalised (NFC
 * against NFD, a no-break space against a space) or once invisible characters are removed.
 * @example looksAlike("é", "e\u0301") // true
 */
export function looksAlike(a: unknown, b: unknown): boolean {
  if (typeof a !== "string" || typeof b !== "string" || a === b) return false;
  const plain = (s: string): string => s.replace(INVISIBLE, "").normalize("NFKC");
  return plain(a) === plain(b);
}

/**
 * A string quoted, with every character outside printable ASCII as a `\uXXXX` escape, so that strings that
 * print alike show how they differ.
 * @example escapedString("e\u0301") // '"e\\u0301"'
 */
export function escapedString(text: string): string {
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const char = text[i] as string;
    if (code < 0x20 || code > 0x7e) out += `\\u${code.toString(16).padStart(4, "0")}`;
    else out += char === '"' || char === "\\" ? `\\${char}` : char;
  }
  return `"${out}"`;
}
