/**
 * A noun after "a" or "an", as its first letter asks: `withArticle("int")` is "an int", `withArticle("string")`
 * is "a string" (for messages built from type names).
 */
export function withArticle(noun: string): string {
  return /^[aeiou]/i.test(noun) ? `an ${noun}` : `a ${noun}`;
}
