import { existsSync } from "node:fs";
import path from "node:path";
import { repoRoot } from "./embedded.ts";

/** Loads <repo>/.env (see .env.example) if there is one; variables already set win. */
export function loadLocalEnv(): void {
  const file = path.join(repoRoot(), ".env");
  if (existsSync(file)) process.loadEnvFile(file);
}
