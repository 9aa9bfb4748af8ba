/**
 * readTable's grammar of a cell's text, shared by every engine that reads files with readTable's rules (DuckDB's
 * file sources, `sparkFiles`), so that each tests the very words and patterns readTable tests.
 */

/** readTable's words for a true boolean, compared ignoring case (spaces and tabs around trimmed). */
export const TRUE_WORDS: readonly string[] = ["true", "t", "1", "yes", "y"];
/** readTable's words for a false boolean, compared ignoring case (spaces and tabs around trimmed). */
export const FALSE_WORDS: readonly string[] = ["false", "f", "0", "no", "n"];

// a number's text (FLOAT_TEXT, INT_TEXT) lives in core, where @tablepipe/job's number flags read it too
export { FLOAT_TEXT, INT_TEXT } from "@tablepipe/core/internal";
