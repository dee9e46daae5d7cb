// pnpm db:seed — demo data (idempotent).
import { resolveDatabase } from "../connection.ts";
import { loadLocalEnv } from "../local-env.ts";
import { migrateDatabase } from "../migrate.ts";
import { DEMO_LOGINS, DEMO_PASSWORD, seedDemo } from "../seed.ts";

loadLocalEnv();
const target = await resolveDatabase();
try {
  await migrateDatabase(target.ownerUrl);
  const { created } = await seedDemo(target.ownerUrl);
  console.log(created ? "demo data created" : "demo data already present");
  for (const login of DEMO_LOGINS) console.log(`  ${login.email.padEnd(32)} ${login.role}`);
  console.log(`  password for all: ${DEMO_PASSWORD}`);
} finally {
  await target.stop();
}
