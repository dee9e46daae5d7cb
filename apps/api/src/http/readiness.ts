// GET /readyz: whether this process should get traffic. Ready when the database answers and has
// every migration this build ships (code expecting a column that is not there yet must wait).
// Anonymous callers learn "up" or "down", nothing more; why it is down goes to the log, once per
// change, since load balancers ask every few seconds.
import { type Database, missingMigrations } from "@markettina/db";
import type { Logger } from "../logger.ts";

/** A database that does not answer within this is down (a load balancer would give up anyway). */
const READY_TIMEOUT_MS = 5_000;

export function readinessCheck(deps: { db: Database; logger: Logger; shipped: readonly string[] }) {
  let wasReady: boolean | null = null;
  const report = (ready: boolean, details: Record<string, unknown>) => {
    if (ready !== wasReady) {
      if (ready) deps.logger.info("ready: database reachable and migrations current");
      else deps.logger.warn(details, "not ready");
    }
    wasReady = ready;
  };
  return async (): Promise<boolean> => {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`no answer within ${READY_TIMEOUT_MS} ms`)),
        READY_TIMEOUT_MS,
      );
    });
    try {
      const missing = await Promise.race([missingMigrations(deps.db, deps.shipped), timeout]);
      if (missing.length > 0) {
        report(false, { missingMigrations: missing });
        return false;
      }
      report(true, {});
      return true;
    } catch (error) {
      report(false, { err: error });
      return false;
    } finally {
      clearTimeout(timer);
    }
  };
}
