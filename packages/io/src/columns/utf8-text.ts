/**
 * The UTF-8 decoder of every reader's strings: it keeps a text's leading U+FEFF (a byte-order mark), which a
 * `TextDecoder`'s default drops from each value, so a cell reads as written (invalid bytes as U+FFFD).
 * @example utf8Text.decode(Uint8Array.of(0xef, 0xbb, 0xbf, 0x78)) // "\ufeffx"
 */
export const utf8Text = new TextDecoder("utf-8", { ignoreBOM: true });
