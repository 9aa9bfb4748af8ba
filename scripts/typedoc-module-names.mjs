// A typedoc plugin: name each entry point's module after its package ("@tablepipe/core", "@tablepipe/testing/vitest")
// instead of its path ("core/src"), so the reference reads as users import it.
import { readFileSync } from "node:fs";
import { Converter } from "typedoc";

/** @param {import("typedoc").Application} app */
export function load(app) {
  app.converter.on(Converter.EVENT_RESOLVE_BEGIN, (context) => {
    for (const module of context.project.children ?? []) {
      const match = /^([\w-]+)\/src(?:\/(\w+))?$/.exec(module.name);
      if (match === null) continue;
      const [, dir, subpath] = match;
      const { name } = JSON.parse(
        readFileSync(new URL(`../packages/${dir}/package.json`, import.meta.url), "utf8"),
      );
      module.name = subpath === undefined ? name : `${name}/${subpath}`;
    }
  });
}
