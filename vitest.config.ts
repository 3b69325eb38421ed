import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      "server-only": path.resolve(import.meta.dirname, "lib/testing/server-only-stub.ts"),
    },
  },
  test: {
    include: ["{lib,app,components,scripts}/**/*.test.ts"],
    environment: "node",
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    // Vitest's default is one fork fewer than the cores: one on CI's two. Two overlap one file's waits with another's work.
    maxWorkers: 2,
    globalSetup: ["lib/testing/pglite-template.ts"],
    // As the e2e server (scripts/serve.mts): the in-process simulators listen on 127.0.0.1, and every client made
    // for a stored connection asks the base-URL rule (lib/providers/base-url.ts) before it sends.
    env: { ALLOW_LOOPBACK_PROVIDERS: "1" },
  },
});
