// `pnpm start`: one command for the whole product. Starts PostgreSQL (embedded unless DATABASE_URL
// is set), applies migrations, loads the demo data, then runs the API with its worker and the web
// console, and prints where they are and how to sign in.
//   --e2e   a fresh database (markettina_e2e) on ports 4100/3100, for the Playwright suite
//   --dev   the console in development mode (next dev) instead of a production build
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import {
  appUrlFor,
  DEMO_LOGINS,
  DEMO_PASSWORD,
  loadLocalEnv,
  migrateDatabase,
  recreateDatabase,
  repoRoot,
  resolveDatabase,
  seedDemo,
  withCredentials,
} from "@markettina/db";

loadLocalEnv();
const args = new Set(process.argv.slice(2));
const e2e = args.has("--e2e");
const dev = args.has("--dev");
const root = repoRoot();

const apiPort = Number(process.env.API_PORT ?? (e2e ? 4100 : 4000));
const webPort = Number(process.env.WEB_PORT ?? (e2e ? 3100 : 3000));
const authSecret = process.env.AUTH_SECRET ?? localAuthSecret();

/** A random secret made once per checkout and kept beside the data, so sessions survive restarts
 * and no well-known development secret ever signs a running product's tokens. */
function localAuthSecret(): string {
  const file = path.join(root, ".data", "auth-secret");
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  }
  return readFileSync(file, "utf8").trim();
}

const target = await resolveDatabase();
let ownerUrl = target.ownerUrl;
if (e2e) {
  const u = new URL(ownerUrl);
  ownerUrl = withCredentials(
    ownerUrl,
    decodeURIComponent(u.username),
    decodeURIComponent(u.password),
    "markettina_e2e",
  );
  await recreateDatabase(ownerUrl);
}
await migrateDatabase(ownerUrl);
await seedDemo(ownerUrl);
const appUrl = e2e || !process.env.APP_DATABASE_URL ? appUrlFor(ownerUrl) : process.env.APP_DATABASE_URL;

const webDir = path.join(root, "apps/web");
const needsBuild =
  !dev && (process.env.MARKETTINA_SKIP_BUILD !== "1" || !existsSync(path.join(webDir, ".next/BUILD_ID")));
if (needsBuild) {
  console.log("building the web console…");
  const build = spawnSync("pnpm", ["--filter", "@markettina/web", "build"], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const env = {
  ...process.env,
  // Children find the server already running; they must not start another.
  DATABASE_URL: ownerUrl,
  APP_DATABASE_URL: appUrl,
  API_PORT: String(apiPort),
  WEB_PORT: String(webPort),
  API_URL: `http://127.0.0.1:${apiPort}`,
  // The console's server forwards the browser's address; the API listens on loopback only.
  API_TRUST_PROXY: process.env.API_TRUST_PROXY ?? "1",
  AUTH_SECRET: authSecret,
  NEXTAUTH_SECRET: authSecret,
  NEXTAUTH_URL: `http://127.0.0.1:${webPort}`,
  LOG_LEVEL: process.env.LOG_LEVEL ?? (e2e ? "warn" : "info"),
  // The publisher looks for due posts this often: briskly under e2e, so "Publish now" shows within a second.
  ...(e2e ? { PUBLISH_POLL_MS: process.env.PUBLISH_POLL_MS ?? "500" } : {}),
  // Journey steps and messages likewise, so the builder's statistics move while the e2e test looks.
  ...(e2e
    ? {
        JOURNEY_POLL_MS: process.env.JOURNEY_POLL_MS ?? "300",
        MESSAGE_POLL_MS: process.env.MESSAGE_POLL_MS ?? "300",
      }
    : {}),
  // No telemetry calls from a machine that may have no network.
  NEXT_TELEMETRY_DISABLED: "1",
};

const children: ChildProcess[] = [
  spawn(process.execPath, ["src/main.ts"], {
    cwd: path.join(root, "apps/api"),
    // Production mode: graphql-js skips its development-only checks.
    env: { ...env, NODE_ENV: dev ? "development" : "production" },
    stdio: "inherit",
  }),
  // Node runs Next's CLI itself (not the shell shim), so SIGTERM reaches the server.
  spawn(
    process.execPath,
    [
      path.join(webDir, "node_modules/next/dist/bin/next"),
      dev ? "dev" : "start",
      "--port",
      String(webPort),
      "--hostname",
      "127.0.0.1",
    ],
    {
      cwd: webDir,
      env: { ...env, NODE_ENV: dev ? "development" : "production" },
      stdio: "inherit",
    },
  ),
];

async function waitFor(url: string, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const ok = await fetch(url)
      .then((r) => r.status < 500)
      .catch(() => false);
    if (ok) return true;
    await new Promise((r) => setTimeout(r, 300));
  }
  return false;
}

// One shutdown, however many signals and child exits ask for it: children first, then the database.
let stopping: Promise<never> | null = null;
function stop(code: number): Promise<never> {
  stopping ??= (async () => {
    for (const child of children) child.kill("SIGTERM");
    await Promise.all(
      children.map((c) => new Promise((r) => (c.exitCode !== null ? r(null) : c.once("exit", r)))),
    );
    await target.stop();
    process.exit(code);
  })();
  return stopping;
}
for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => void stop(0));
for (const child of children) child.once("exit", (code) => void stop(code ?? 1));

const ready =
  (await waitFor(`http://127.0.0.1:${apiPort}/healthz`, 60_000)) &&
  (await waitFor(`http://127.0.0.1:${webPort}/login`, 120_000));
if (!ready) {
  console.error("the product did not start in time");
  await stop(1);
}

console.log(`
Markettina is running.
  Console   http://127.0.0.1:${webPort}
  GraphQL   http://127.0.0.1:${apiPort}/graphql
  Database  ${process.env.DATABASE_URL ? "DATABASE_URL" : `embedded PostgreSQL, data in ${path.join(root, ".data")}`}

Demo logins (password for all: ${DEMO_PASSWORD}):
${DEMO_LOGINS.map((l) => `  ${l.email.padEnd(32)} ${l.role}`).join("\n")}

Press Ctrl+C to stop.`);
