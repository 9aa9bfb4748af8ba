import { type CastType, columnArray } from "@tablepipe/core";
import {
  joinKeyKindsError,
  keyKinds,
  kindsNeverMatch,
  type LookupKeys,
  lookupKeyKindsError,
  typeKeyKinds,
} from "@tablepipe/core/internal";
import type { ColumnTable } from "arquero";
import type { KnownTypes } from "../step-rendering";

/**
 * The kinds to name when a key of type `type` can never equal any of the keys in `values` (the in-process
 * check, with the left's kinds from its type: every value it may hold in process); undefined when some key
 * may match, when `values` holds no key, or when the type is unknown (in process the values decide).
 */
function neverMatching(
  type: CastType | undefined,
  values: ArrayLike<unknown>,
): { readonly left: number; readonly right: number } | undefined {
  if (type === undefined) return undefined;
  const { possible, stored } = typeKeyKinds(type);
  const right = keyKinds(values, undefined, possible);
  return kindsNeverMatch(possible, right) ? { left: stored, right } : undefined;
}

/**
 * The in-process `join`'s error when a key's known type on the left can never equal the right table's keys
 * (numbers against strings, which SQL would convert and match), or undefined when every key may match.
 */
export function unmatchableJoinKeys(
  keys: readonly string[],
  types: KnownTypes,
  right: ColumnTable,
): TypeError | undefined {
  for (const key of keys) {
    const never = neverMatching(types[key], columnArray(right, key));
    if (never !== undefined) return joinKeyKindsError(key, never.left, never.right);
  }
  return undefined;
}

/**
 * The in-process error of an anti-join whose key (of its known type) can never equal the lookup table's
 * keys, or undefined when it may.
 */
export function unmatchableLookupKey(
  keys: LookupKeys,
  types: KnownTypes,
  lookup: ColumnTable,
): TypeError | undefined {
  const never = neverMatching(types[keys.column], columnArray(lookup, keys.lookupKey));
  return never === undefined ? undefined : lookupKeyKindsError(keys, never.left, never.right);
}
