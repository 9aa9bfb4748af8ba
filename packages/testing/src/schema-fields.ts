import type * as z from "zod";

/** The base kinds of value a column can hold, as far as the test kit cares. */
export type FieldKind = "number" | "date" | "string" | "boolean" | "other";

/** What the factory needs to know about one column of a row schema. */
export interface FieldInfo {
  /** Column name. */
  readonly name: string;
  /** Kind of value the schema accepts (a `date` field also takes ISO time stamp strings). */
  readonly inputKind: FieldKind;
  /** Kind of value the schema produces. */
  readonly outputKind: FieldKind;
  /** True when the schema lets the value be `null` or `undefined`. */
  readonly nullable: boolean;
}

interface LooseDef {
  type: string;
  innerType?: z.core.$ZodType;
  in?: z.core.$ZodType;
  out?: z.core.$ZodType;
}

/** Wrappers that do not change the kind of value, only whether one is required. */
const WRAPPERS = new Set(["default", "prefault", "catch", "readonly", "nonoptional"]);
const NULLING_WRAPPERS = new Set(["optional", "nullable", "nullish"]);

/** The columns of a zod object schema, in schema order, with their kinds. */
export function describeFields(shape: Readonly<Record<string, z.core.$ZodType>>): FieldInfo[] {
  return Object.entries(shape).map(([name, schema]) => {
    const input = unwrap(schema, "in");
    const output = unwrap(schema, "out");
    return { name, inputKind: input.kind, outputKind: output.kind, nullable: output.nullable };
  });
}

function unwrap(schema: z.core.$ZodType, side: "in" | "out"): { kind: FieldKind; nullable: boolean } {
  let current: z.core.$ZodType | undefined = schema;
  let nullable = false;
  for (let depth = 0; current !== undefined && depth < 32; depth++) {
    const def: LooseDef = current._zod.def as LooseDef;
    if (WRAPPERS.has(def.type)) {
      current = def.innerType;
    } else if (NULLING_WRAPPERS.has(def.type)) {
      nullable = true;
      current = def.innerType;
    } else if (def.type === "pipe") {
      current = side === "in" ? def.in : def.out;
    } else {
      return { kind: kindOfDef(def.type), nullable };
    }
  }
  return { kind: "other", nullable };
}

function kindOfDef(type: string): FieldKind {
  switch (type) {
    case "number":
    case "date":
    case "string":
    case "boolean":
      return type;
    default:
      return "other";
  }
}
