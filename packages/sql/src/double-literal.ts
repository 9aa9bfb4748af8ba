/**
 * A finite double as a SQL literal both DuckDB and Spark read as that DOUBLE: JavaScript's shortest text in
 * exponent form (a plain `0.5` would be a DECIMAL).
 * @example doubleLiteral(4.149515568880993e180) // "4.149515568880993E180"; doubleLiteral(3600000) // "3600000E0"
 */
export function doubleLiteral(x: number): string {
  const text = String(x).replace("e+", "E").replace("e-", "E-");
  return text.includes("E") ? text : `${text}E0`;
}
