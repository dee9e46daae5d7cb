// pnpm db:stop — stops this checkout's embedded PostgreSQL if it is running (for instance one left
// running because another process was still using it).
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { repoRoot } from "../embedded.ts";

const pidFile = path.join(repoRoot(), ".data", "postgres", "postmaster.pid");
if (!existsSync(pidFile)) {
  console.log("embedded PostgreSQL is not running");
} else {
  const pid = Number(readFileSync(pidFile, "utf8").split("\n")[0]);
  try {
    process.kill(pid, "SIGINT"); // PostgreSQL's "fast" shutdown: ends sessions, then stops cleanly
    console.log(`embedded PostgreSQL (pid ${pid}) stopping`);
  } catch {
    console.log("embedded PostgreSQL is not running (stale pid file)");
  }
}
