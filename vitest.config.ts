import { defineConfig, mergeConfig } from "vitest/config";
import viteConfig from "./vite.config.ts";

// Unit, component and server tests. Component tests opt into jsdom with a
// `// @vitest-environment jsdom` line; everything else runs in Node against real parts.
export default mergeConfig(
  viteConfig,
  defineConfig({
    test: {
      include: ["src/**/*.test.{ts,tsx}"],
      environment: "node",
      css: { modules: { classNameStrategy: "non-scoped" } },
      restoreMocks: true,
      globalSetup: ["./vitest.setup.ts"],
      // A guard against a hung test, not a speed check: property tests over a real store take
      // several seconds, more on a busy shared machine, and must not fail for it.
      testTimeout: 30_000,
      // The same guard for beforeAll/afterAll: a test server on PostgreSQL migrates a schema of its
      // own as it starts, which took over vitest's default 10 s once on a machine at load 6.
      hookTimeout: 30_000,
    },
  }),
);
