export * from "./client.ts";
export * from "./connection.ts";
export { repoRoot, startEmbeddedPostgres } from "./embedded.ts";
export { ensureAppRole, migrateDatabase } from "./migrate.ts";
export { type Relations, relations } from "./relations.ts";
export { uuidv7 } from "./schema/columns.ts";
export * as schema from "./schema/index.ts";
export * from "./tenant-scope.ts";
