/** A Spark Connect endpoint, from a connection string `sc://host:port/;token=...;use_ssl=true;user_id=...`. */
export interface SparkRemote {
  readonly host: string;
  readonly port: number;
  /** Bearer token sent with every call (`authorization: Bearer ...`). */
  readonly token: string | undefined;
  /** TLS on the channel: `use_ssl=true`, and implied by a token unless `use_ssl=false` is given. */
  readonly useSsl: boolean;
  readonly userId: string | undefined;
  readonly userAgent: string | undefined;
  /** A session to join (a UUID); default: a new one. */
  readonly sessionId: string | undefined;
  /** Every other parameter, sent as a gRPC header (as Spark Connect's clients do). */
  readonly headers: Readonly<Record<string, string>>;
}

/** A connection string that is not `sc://host[:port][/;key=value;...]`. */
export class SparkRemoteError extends Error {
  override readonly name = "SparkRemoteError";
  readonly userFacing = true;
}

const DEFAULT_PORT = 15002;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function fail(remote: string, why: string): never {
  throw new SparkRemoteError(
    `Spark Connect remote "${remote}": ${why} (expected sc://host:port/;token=...;use_ssl=true;user_id=...)`,
  );
}

function parseBoolean(remote: string, key: string, value: string): boolean {
  if (value === "true") return true;
  if (value === "false") return false;
  return fail(remote, `${key}=${value} is not true or false`);
}

/**
 * Parse a Spark Connect connection string as Spark Connect defines it: `sc://` scheme, a host, an optional
 * port (default 15002), then `/;key=value` parameters (`token`, `use_ssl`, `user_id`, `user_agent`,
 * `session_id`; any other is a header). Throws a {@link SparkRemoteError} naming what is wrong.
 * @example parseRemote("sc://localhost:15002/;user_id=me").port // 15002
 */
export function parseRemote(remote: string): SparkRemote {
  if (!remote.startsWith("sc://")) fail(remote, "it does not start with sc://");
  const rest = remote.slice("sc://".length);
  const slash = rest.indexOf("/");
  const authority = slash === -1 ? rest : rest.slice(0, slash);
  const path = slash === -1 ? "" : rest.slice(slash + 1);
  if (path !== "" && !path.startsWith(";")) fail(remote, `the path "/${path}" is not /;key=value;...`);
  const bracketed = /^\[([^\]]+)\](?::(.*))?$/.exec(authority);
  const [host, portText] = bracketed
    ? [bracketed[1] ?? "", bracketed[2]]
    : authority.includes(":")
      ? [authority.slice(0, authority.lastIndexOf(":")), authority.slice(authority.lastIndexOf(":") + 1)]
      : [authority, undefined];
  if (host === "") fail(remote, "it has no host");
  let port = DEFAULT_PORT;
  if (portText !== undefined) {
    if (!/^\d+$/.test(portText) || Number(portText) < 1 || Number(portText) > 65535) {
      fail(remote, `the port "${portText}" is not a number from 1 to 65535`);
    }
    port = Number(portText);
  }
  const params: Record<string, string> = {};
  for (const part of path.split(";")) {
    if (part === "") continue;
    const eq = part.indexOf("=");
    if (eq <= 0) fail(remote, `the parameter "${part}" is not key=value`);
    const key = part.slice(0, eq);
    if (Object.hasOwn(params, key)) fail(remote, `the parameter ${key} is given twice`);
    params[key] = decodeURIComponent(part.slice(eq + 1));
  }
  const { token, use_ssl, user_id, user_agent, session_id, ...headers } = params;
  if (session_id !== undefined && !UUID.test(session_id))
    fail(remote, `session_id=${session_id} is not a UUID`);
  if (token === "") fail(remote, "token= is empty");
  return {
    host,
    port,
    token,
    useSsl: use_ssl === undefined ? token !== undefined : parseBoolean(remote, "use_ssl", use_ssl),
    userId: user_id,
    userAgent: user_agent,
    sessionId: session_id,
    headers,
  };
}
