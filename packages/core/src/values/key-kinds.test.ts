import { describe, expect, it } from "vitest";
import { valueFits } from "../schema/conforms";
import { LOGICAL_TYPES } from "../schema/logical-types";
import {
  describeKinds,
  joinKeyKindsError,
  KIND_DATE,
  KIND_NUMBER,
  KIND_STRING,
  keyKind,
  keyKinds,
  kindsNeverMatch,
  typeKeyKinds,
} from "./key-kinds";

/** Present values of every kind a column may store. */
const SAMPLES: readonly unknown[] = [
  0,
  7,
  1.5,
  Date.UTC(2024, 0, 1),
  86_400_000,
  -0,
  7n,
  "7",
  "",
  true,
  false,
  new Date(Date.UTC(2024, 0, 1)),
  { id: 1 },
];

describe("key kinds", () => {
  it("a type's possible kinds hold the kind of every value valueFits accepts for it, its stored kind among them", () => {
    for (const type of LOGICAL_TYPES) {
      const { possible, stored } = typeKeyKinds(type);
      expect(stored & possible).toBe(stored);
      for (const value of SAMPLES.filter((v) => valueFits(v, type))) {
        expect([type, value, keyKind(value) & possible]).toEqual([type, value, keyKind(value)]);
      }
    }
  });

  it("never match only when both sides hold a key and share no kind", () => {
    expect(kindsNeverMatch(KIND_NUMBER, KIND_STRING)).toBe(true);
    expect(kindsNeverMatch(KIND_NUMBER | KIND_STRING, KIND_STRING)).toBe(false);
    expect(kindsNeverMatch(typeKeyKinds("timestamp").possible, KIND_DATE)).toBe(false);
    expect(kindsNeverMatch(typeKeyKinds("int").possible, KIND_DATE)).toBe(true);
    expect(kindsNeverMatch(0, KIND_STRING)).toBe(false);
    expect(kindsNeverMatch(KIND_NUMBER, 0)).toBe(false);
  });

  it("reads the kinds of the keys at the given rows, missing keys none, and stops at a kind it is told is enough", () => {
    const values = [1, null, Number.NaN, "a", new Date(Number.NaN)];
    expect(keyKinds(values)).toBe(KIND_NUMBER | KIND_STRING);
    expect(keyKinds(values, [1, 2, 4])).toBe(0);
    expect(keyKinds(values, Uint32Array.of(3))).toBe(KIND_STRING);
    expect(keyKinds(values, undefined, KIND_NUMBER)).toBe(KIND_NUMBER);
    expect(describeKinds(0)).toBe("no values");
  });

  it("says which key, what each side holds and why nothing can match", () => {
    expect(joinKeyKindsError("id", KIND_NUMBER, KIND_STRING | KIND_DATE).message).toBe(
      'join: key "id" holds numbers on the left but strings and Dates on the right, so no key can ever match (1 and "1" are different keys)',
    );
  });
});
