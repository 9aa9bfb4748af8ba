import { defineConfig } from "vitest/config";

/** `pnpm exec vitest run` in this folder runs the usage tests against the built `dist/` (after `pnpm build`). */
export default defineConfig({ test: { include: ["test/**/*.test.ts"] } });
