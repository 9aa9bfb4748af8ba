import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { COMPILE_CACHE_ENV, compileCacheDir } from "./cache-dir";

const home = join("/home", "ada");

describe("compileCacheDir", () => {
  it("is the user's cache folder, per platform", () => {
    expect(compileCacheDir({ env: {}, platform: "linux", home })).toBe(
      join(home, ".cache", "tablepipe", "compile-cache"),
    );
    expect(compileCacheDir({ env: { XDG_CACHE_HOME: "/xdg" }, platform: "linux", home })).toBe(
      join("/xdg", "tablepipe", "compile-cache"),
    );
    expect(compileCacheDir({ env: {}, platform: "darwin", home })).toBe(
      join(home, "Library", "Caches", "tablepipe", "compile-cache"),
    );
    expect(
      compileCacheDir({ env: { LOCALAPPDATA: "C:\\Users\\ada\\AppData\\Local" }, platform: "win32", home }),
    ).toBe(join("C:\\Users\\ada\\AppData\\Local", "tablepipe", "compile-cache"));
  });

  it("is the folder the environment names, or none when it says off", () => {
    expect(compileCacheDir({ env: { [COMPILE_CACHE_ENV]: "/cache/here" }, platform: "linux", home })).toBe(
      "/cache/here",
    );
    for (const off of ["off", "OFF", "0", "false", "no"]) {
      expect(compileCacheDir({ env: { [COMPILE_CACHE_ENV]: off }, platform: "linux", home })).toBeUndefined();
    }
    // Node's own switch for its compile cache turns this one off too, unless a folder is named
    expect(
      compileCacheDir({ env: { NODE_DISABLE_COMPILE_CACHE: "1" }, platform: "linux", home }),
    ).toBeUndefined();
    expect(
      compileCacheDir({
        env: { NODE_DISABLE_COMPILE_CACHE: "1", [COMPILE_CACHE_ENV]: "/cache/here" },
        platform: "linux",
        home,
      }),
    ).toBe("/cache/here");
  });

  it("is none without a home folder (never the shared temp folder)", () => {
    expect(compileCacheDir({ env: {}, platform: "linux", home: "" })).toBeUndefined();
    expect(compileCacheDir({ env: {}, platform: "darwin", home: "" })).toBeUndefined();
    expect(compileCacheDir({ env: {}, platform: "win32", home: "" })).toBeUndefined();
  });
});
