/** Read a param the params schema already validated: a string. */
export function stringParam(params: Readonly<Record<string, unknown>>, key: string): string {
  return params[key] as string;
}

/** Read a validated param: a list of strings. */
export function stringsParam(params: Readonly<Record<string, unknown>>, key: string): readonly string[] {
  return params[key] as readonly string[];
}

/** Read a validated param: a number. */
export function numberParam(params: Readonly<Record<string, unknown>>, key: string): number {
  return params[key] as number;
}
