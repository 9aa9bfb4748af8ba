import { describe, expect, it } from "vitest";
import { parseRemote, SparkRemoteError } from "./remote";

describe("parseRemote: Spark Connect connection strings", () => {
  it("reads host and port, with Spark Connect's default port 15002", () => {
    expect(parseRemote("sc://localhost:15002")).toMatchObject({
      host: "localhost",
      port: 15002,
      useSsl: false,
    });
    expect(parseRemote("sc://spark.example.com")).toMatchObject({ host: "spark.example.com", port: 15002 });
    expect(parseRemote("sc://[::1]:443/")).toMatchObject({ host: "::1", port: 443 });
  });

  it("reads the parameters after /; and sends unknown ones as headers", () => {
    const remote = parseRemote(
      "sc://host:443/;token=abc%3D;user_id=ana;user_agent=tp;session_id=00112233-4455-6677-8899-aabbccddeeff;x-cluster=c1",
    );
    expect(remote).toEqual({
      host: "host",
      port: 443,
      token: "abc=",
      useSsl: true, // a token implies TLS
      userId: "ana",
      userAgent: "tp",
      sessionId: "00112233-4455-6677-8899-aabbccddeeff",
      headers: { "x-cluster": "c1" },
    });
    expect(parseRemote("sc://h/;token=t;use_ssl=false").useSsl).toBe(false);
    expect(parseRemote("sc://h/;use_ssl=true").useSsl).toBe(true);
  });

  it.each([
    ["http://localhost:15002", "does not start with sc://"],
    ["sc://:15002", "has no host"],
    ["sc://host:port", 'the port "port" is not a number'],
    ["sc://host:70000", 'the port "70000" is not a number from 1 to 65535'],
    ["sc://host/path", 'the path "/path" is not /;key=value'],
    ["sc://host/;token", 'the parameter "token" is not key=value'],
    ["sc://host/;use_ssl=yes", "use_ssl=yes is not true or false"],
    ["sc://host/;user_id=a;user_id=b", "the parameter user_id is given twice"],
    ["sc://host/;session_id=42", "session_id=42 is not a UUID"],
    ["sc://host/;token=", "token= is empty"],
  ])("names what is wrong in %s", (remote, why) => {
    expect(() => parseRemote(remote)).toThrow(SparkRemoteError);
    expect(() => parseRemote(remote)).toThrow(why);
    expect(() => parseRemote(remote)).toThrow(`"${remote}"`);
  });
});
