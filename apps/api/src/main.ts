// Entry point: `node src/main.ts` runs the API with the worker in-process; `--worker` runs only the
// worker; `--no-worker` only the API (when workers are scaled out separately).
import { loadLocalEnv, resolveDatabase } from "@markettina/db";
import { startApi } from "./app.ts";
import { logger } from "./logger.ts";

loadLocalEnv();
const args = new Set(process.argv.slice(2));
const target = await resolveDatabase();
const api = await startApi({
  appUrl: target.appUrl,
  http: !args.has("--worker"),
  worker: !args.has("--no-worker"),
});
logger.info({ url: api.url || undefined, worker: api.worker !== null }, "markettina api started");

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, async () => {
    await api.close();
    await target.stop();
    process.exit(0);
  });
}
