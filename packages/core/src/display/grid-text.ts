/** The control characters that would break a grid's line or column (line breaks, tabs, escape, ...). */
const CONTROL = /[\p{Cc}\u2028\u2029]/gu;

const NAMED: Readonly<Record<string, string>> = { "\r": "\\r", "\n": "\\n", "\t": "\\t" };

/**
 * A cell's (or a column name's) text as a grid shows it on one line: CR, LF and tab escaped as `\r`, `\n`, `\t`
 * (as the test kit's diffs write them), any other control character as `\u001b`; the rest as it is.
 * @example gridText("line one\r\nline two") // "line one\\r\\nline two"
 */
export function gridText(text: string): string {
  return text.replace(CONTROL, (c) => NAMED[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
