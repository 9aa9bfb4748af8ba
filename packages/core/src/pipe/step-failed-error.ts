/**
 * A step refused its input: its implementation threw, or, before any row is read, its contract found that its
 * params cannot fit the input's declared column types (a fill value of another kind, a lookup table without
 * its key). The message names the step's path; the original error is the `cause`.
 */
export class StepFailedError extends Error {
  override readonly name = "StepFailedError";
  /** True when the cause was bad input (the CLI then prints the message alone). */
  readonly userFacing: boolean;
  constructor(
    readonly step: string,
    cause: unknown,
  ) {
    const message = cause instanceof Error ? cause.message : String(cause);
    super(`${step}: ${withoutStepName(step, message)}`, { cause });
    this.userFacing = (cause as { userFacing?: unknown } | null)?.userFacing === true;
  }
}

/**
 * `message` without a leading `name: ` when the step's own label (the path's last part) is that transform
 * name, alone or with its columns (`join(customer_id)`): the label already says it. A label given with
 * `.as(...)` keeps the transform's name in the message.
 */
function withoutStepName(path: string, message: string): string {
  const label = path.split(" > ").at(-1) ?? path;
  const name = /^[A-Za-z_$][\w$]*/.exec(label)?.[0];
  if (name === undefined || (label !== name && !label.startsWith(`${name}(`))) return message;
  return message.startsWith(`${name}: `) ? message.slice(name.length + 2) : message;
}
