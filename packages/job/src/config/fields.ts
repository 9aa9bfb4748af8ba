import * as z from "zod";
import { flagForPath } from "./flag-names";
import type { ConfigSchema } from "./schema";

/**
 * How a field's flag value is read: the kind decides parsing, help and error texts. A "list" is an array of
 * strings, numbers, booleans or choices (its {@link ConfigField.item}); other arrays and objects are "json".
 */
export type FieldKind = "string" | "number" | "integer" | "boolean" | "enum" | "list" | "json";

/** A value an enum field may take. */
export type Choice = string | number | boolean;

/** One leaf of a config schema, as the CLI sees it. */
export interface ConfigField {
  /** Keys from the root: `["test_fraction"]`, or `["random_forest", "num_trees"]` inside a group. */
  readonly path: readonly string[];
  /** The flag, e.g. "--test-fraction" or "--random-forest.num-trees". */
  readonly flag: string;
  readonly kind: FieldKind;
  /** "array" for kind "list"; "array", "object" or "json" for kind "json"; the kind otherwise ("choice" for enums). */
  readonly typeName: string;
  /** What each element of a "list" field is (its kind, choices, bounds); undefined for other kinds. */
  readonly item: ConfigField | undefined;
  readonly description: string | undefined;
  readonly hasDefault: boolean;
  readonly defaultValue: unknown;
  /** True when the schema needs a value and has no default. */
  readonly required: boolean;
  readonly nullable: boolean;
  readonly choices: readonly Choice[] | undefined;
  readonly minimum: number | undefined;
  readonly maximum: number | undefined;
  readonly exclusiveMinimum: number | undefined;
  readonly exclusiveMaximum: number | undefined;
  readonly pattern: string | undefined;
  /**
   * What the field accepts, in words, from the schema's `.meta({ expected: "a month as yyyyMM, e.g. 201703" })`;
   * help and errors say this instead of the bare pattern.
   */
  readonly expected: string | undefined;
  readonly minLength: number | undefined;
  readonly maxLength: number | undefined;
  /** The group's description, for fields inside a nested object. */
  readonly groupDescription: string | undefined;
}

type JsonNode = Record<string, unknown>;

const cache = new WeakMap<ConfigSchema, readonly ConfigField[]>();

/**
 * The fields of a config schema, read from zod's JSON Schema of its input (defaults, descriptions, bounds).
 * Nested `z.object` fields one level deep become dotted flags; deeper values are read as JSON.
 * @example configFields(z.object({ seed: z.number().int().default(42) }))[0]?.flag === "--seed"
 */
export function configFields(schema: ConfigSchema): readonly ConfigField[] {
  const cached = cache.get(schema);
  if (cached !== undefined) return cached;
  const document = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as JsonNode;
  const resolve = (node: unknown): JsonNode => resolveRef(document, node);
  const root = resolve(document);
  if (!isObjectNode(root)) {
    throw new TypeError("A config schema must be a zod object schema (z.object({...})).");
  }
  const fields: ConfigField[] = [];
  const rootRequired = stringList(root.required);
  for (const [key, raw] of Object.entries(root.properties as JsonNode)) {
    const node = resolve(raw);
    const required = rootRequired.includes(key);
    if (isObjectNode(node)) {
      const groupRequired = stringList(node.required);
      const groupDefault = isRecord(node.default) ? node.default : undefined;
      for (const [inner, innerRaw] of Object.entries(node.properties as JsonNode)) {
        fields.push(
          leafField([key, inner], resolve(innerRaw), resolve, {
            inherited: groupDefault && inner in groupDefault ? { value: groupDefault[inner] } : undefined,
            required: required && groupRequired.includes(inner),
            groupDescription: stringOr(node.description),
          }),
        );
      }
    } else {
      fields.push(
        leafField([key], node, resolve, { inherited: undefined, required, groupDescription: undefined }),
      );
    }
  }
  cache.set(schema, fields);
  return fields;
}

interface LeafContext {
  inherited: { value: unknown } | undefined;
  required: boolean;
  groupDescription: string | undefined;
}

function leafField(
  path: readonly string[],
  outer: JsonNode,
  resolve: (node: unknown) => JsonNode,
  context: LeafContext,
): ConfigField {
  const { node, nullable } = unwrapNullable(outer, resolve);
  const hasOwnDefault = "default" in outer || "default" in node;
  const defaultValue = "default" in outer ? outer.default : node.default;
  const choices = choicesOf(node, resolve);
  const item = listItem(path, node, resolve);
  const kind = item === undefined ? kindOf(node, choices) : "list";
  return {
    path,
    flag: flagForPath(path),
    kind,
    typeName: typeNameOf(kind, node),
    item,
    description: stringOr(outer.description) ?? stringOr(node.description),
    hasDefault: hasOwnDefault || context.inherited !== undefined,
    defaultValue: hasOwnDefault ? defaultValue : context.inherited?.value,
    required: context.required,
    nullable,
    choices,
    minimum: boundOr(node.minimum),
    maximum: boundOr(node.maximum),
    exclusiveMinimum: boundOr(node.exclusiveMinimum),
    exclusiveMaximum: boundOr(node.exclusiveMaximum),
    pattern: stringOr(node.pattern),
    expected: stringOr(outer.expected) ?? stringOr(node.expected),
    minLength: numberOr(node.minLength),
    maxLength: numberOr(node.maxLength),
    groupDescription: context.groupDescription,
  };
}

/** The element of an array of scalars (strings, numbers, booleans, choices), read as a field of its own. */
function listItem(
  path: readonly string[],
  node: JsonNode,
  resolve: (node: unknown) => JsonNode,
): ConfigField | undefined {
  if (node.type !== "array" || !isRecord(node.items)) return undefined;
  const item = leafField(path, resolve(node.items), resolve, {
    inherited: undefined,
    required: true,
    groupDescription: undefined,
  });
  const scalar = item.kind !== "json" && item.kind !== "list" && !item.nullable;
  return scalar ? item : undefined;
}

function kindOf(node: JsonNode, choices: readonly Choice[] | undefined): FieldKind {
  if (choices !== undefined) return "enum";
  switch (node.type) {
    case "string":
      return "string";
    case "integer":
      return "integer";
    case "number":
      return "number";
    case "boolean":
      return "boolean";
    default:
      return "json";
  }
}

function typeNameOf(kind: FieldKind, node: JsonNode): string {
  if (kind === "enum") return "choice";
  if (kind === "list") return "array";
  if (kind !== "json") return kind;
  return node.type === "array" || node.type === "object" ? node.type : "json";
}

/** Drop a `null` alternative (`.nullable()`), remembering that it was there. */
function unwrapNullable(
  node: JsonNode,
  resolve: (node: unknown) => JsonNode,
): { node: JsonNode; nullable: boolean } {
  if (Array.isArray(node.type) && node.type.includes("null")) {
    const rest = node.type.filter((t) => t !== "null");
    return { node: { ...node, type: rest.length === 1 ? rest[0] : rest }, nullable: true };
  }
  if (Array.isArray(node.anyOf)) {
    const branches = node.anyOf.map(resolve);
    const others = branches.filter((b) => b.type !== "null");
    if (others.length < branches.length) {
      const only = others.length === 1 ? others[0] : undefined;
      return { node: only ? { ...only, ...withoutAnyOf(node) } : { ...node, anyOf: others }, nullable: true };
    }
  }
  return { node, nullable: false };
}

function withoutAnyOf(node: JsonNode): JsonNode {
  const { anyOf: _anyOf, ...rest } = node;
  return rest;
}

/** Allowed values of an enum, a literal or a union of literals. */
function choicesOf(node: JsonNode, resolve: (node: unknown) => JsonNode): readonly Choice[] | undefined {
  if (Array.isArray(node.enum)) return node.enum.filter(isChoice);
  if ("const" in node) return isChoice(node.const) ? [node.const] : undefined;
  if (Array.isArray(node.anyOf)) {
    const all: Choice[] = [];
    for (const branch of node.anyOf.map(resolve)) {
      const inner = choicesOf(branch, resolve);
      if (inner === undefined) return undefined;
      all.push(...inner);
    }
    return all;
  }
  return undefined;
}

function resolveRef(document: JsonNode, node: unknown): JsonNode {
  if (!isRecord(node)) return {};
  const ref = node.$ref;
  if (typeof ref !== "string" || !ref.startsWith("#/")) return node;
  let target: unknown = document;
  for (const part of ref.slice(2).split("/")) target = isRecord(target) ? target[part] : undefined;
  const { $ref: _ref, ...rest } = node;
  return { ...resolveRef(document, target), ...rest };
}

function isObjectNode(node: JsonNode): boolean {
  return node.type === "object" && isRecord(node.properties);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isChoice(value: unknown): value is Choice {
  return typeof value === "string" || typeof value === "number" || typeof value === "boolean";
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}

function stringOr(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

function numberOr(value: unknown): number | undefined {
  return typeof value === "number" ? value : undefined;
}

/** A numeric bound, ignoring the ±MAX_SAFE_INTEGER that zod adds to every integer. */
function boundOr(value: unknown): number | undefined {
  if (typeof value !== "number") return undefined;
  return Math.abs(value) >= Number.MAX_SAFE_INTEGER ? undefined : value;
}
