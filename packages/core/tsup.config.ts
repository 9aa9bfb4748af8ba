import { defineConfig } from "tsup";

export default defineConfig({
  entry: { index: "src/index.ts", internal: "src/internal.ts" },
  format: ["esm", "cjs"],
  dts: { entry: { index: "src/index.ts", internal: "src/internal.ts" } },
  sourcemap: true,
  clean: true,
  target: "es2022",
  platform: "neutral",
});
