import { defineConfig } from "drizzle-kit";

export default defineConfig({
  dialect: "postgresql",
  // One file per bounded context. Partitioned tables (schema/domain-events.ts) are not listed:
  // they are created by hand-written SQL migrations, which drizzle-kit cannot express.
  schema: [
    "./src/schema/identity.ts",
    "./src/schema/platform.ts",
    "./src/schema/billing.ts",
    "./src/schema/brand.ts",
    "./src/schema/content.ts",
    "./src/schema/automation.ts",
    "./src/schema/workflow.ts",
    "./src/schema/health.ts",
  ],
  out: "../../drizzle",
});
