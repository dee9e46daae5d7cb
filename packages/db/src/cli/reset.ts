// pnpm db:reset — drops the database, migrates it and loads the demo data again.
import { resolveDatabase } from "../connection.ts";
import { loadLocalEnv } from "../local-env.ts";
import { migrateDatabase } from "../migrate.ts";
import { recreateDatabase } from "../reset.ts";
import { seedDemo } from "../seed.ts";

loadLocalEnv();
const target = await resolveDatabase();
try {
  await recreateDatabase(target.ownerUrl);
  await migrateDatabase(target.ownerUrl);
  await seedDemo(target.ownerUrl);
  console.log("database reset with demo data");
} finally {
  await target.stop();
}
