import { INSPECT } from "./display-schema";

/**
 * Text made to be read, such as `show(table, 5)`: `console.log` and the REPL print it as it is (not as a quoted
 * string), `String(block)` and `${block}` give the text.
 */
export class TextBlock {
  constructor(readonly text: string) {}

  toString(): string {
    return this.text;
  }

  [INSPECT](): string {
    return this.text;
  }
}
