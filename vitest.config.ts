// Two projects: `unit` (*.test.ts, no I/O) and `integration` (*.integration.test.ts, real
// PostgreSQL). The integration project's global setup builds a migrated template database once per
// run; each test file clones it (packages/db/src/testing), so files never see each other's rows.
import { createRequire } from "node:module";
import { defineConfig } from "vitest/config";

// Node resolves `graphql` to its CommonJS build (no "exports" map), Vite to its ESM build. Loading
// both gives two graphql realms ("Cannot use GraphQLNonNull from another module"), so tests use
// the build the application uses.
const graphqlEntry = createRequire(new URL("./packages/graphql/package.json", import.meta.url)).resolve(
  "graphql",
);

const excluded = ["**/node_modules/**", "**/.data/**", "apps/web/**", "e2e/**", "**/dist/**"];

export default defineConfig({
  resolve: { alias: [{ find: /^graphql$/, replacement: graphqlEntry }] },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["**/*.test.ts"],
          exclude: [...excluded, "**/*.integration.test.ts"],
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["**/*.integration.test.ts"],
          exclude: excluded,
          globalSetup: ["packages/db/src/testing/global-setup.ts"],
          // Each file runs in its own process against its own database clone.
          pool: "forks",
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
    teardownTimeout: 60_000,
  },
});
