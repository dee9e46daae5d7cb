// pnpm db:migrate — applies drizzle/ to DATABASE_URL or the embedded server.
import { resolveDatabase } from "../connection.ts";
import { loadLocalEnv } from "../local-env.ts";
import { migrateDatabase } from "../migrate.ts";

loadLocalEnv();
const target = await resolveDatabase();
try {
  await migrateDatabase(target.ownerUrl);
  console.log("migrations applied");
} finally {
  await target.stop();
}
