/**
 * readTable's grammar of a number's text (re-exported by @tablepipe/io), here so that what reads numbers
 * elsewhere, the command-line flags of @tablepipe/job, reads them alike.
 */

/**
 * A number's text as readTable reads it (trimmed; a regular expression's source, unanchored: RE2, Java and
 * JavaScript read it alike): `12`, `-1.5`, `.5`, `1e-3`; not `inf`, `1_000` or `0x10`.
 * @example new RegExp(`^${FLOAT_TEXT}$`).test("-1.5e3") // true
 */
export const FLOAT_TEXT = String.raw`[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?`;

/**
 * An integer's text as an int column reads it (trimmed; unanchored, as {@link FLOAT_TEXT}): digits, and a
 * fraction of zeros only (`12.00`).
 */
export const INT_TEXT = String.raw`[+-]?[0-9]+(?:\.0*)?`;
