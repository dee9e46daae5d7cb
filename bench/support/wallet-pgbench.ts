// pgbench's built-in TPC-B-like script as the wallet benchmark's baseline: finding (or installing)
// pgbench, creating its own database on the benchmark's server, and running it for one turn.
import { execFile, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { recreateDatabase, repoRoot, withCredentials } from "../../packages/db/src/index.ts";

const run = promisify(execFile);

/** Debian 12 ships pgbench in the server package; apt-get fallback unpacks it here, unconfigured. */
const unpackedDir = () => path.join(repoRoot(), ".data", "pgbench");

async function works(bin: string): Promise<boolean> {
  try {
    await run(bin, ["--version"]);
    return true;
  } catch {
    return false;
  }
}

function candidates(): string[] {
  const found = process.env.PGBENCH ? [process.env.PGBENCH] : [];
  found.push("pgbench", "/usr/bin/pgbench");
  for (const root of ["/usr/lib/postgresql", path.join(unpackedDir(), "usr/lib/postgresql")]) {
    if (!existsSync(root)) continue;
    const versions = readdirSync(root).sort((x, y) => Number(y) - Number(x));
    for (const v of versions) found.push(path.join(root, v, "bin", "pgbench"));
  }
  return found;
}

async function locate(): Promise<string | null> {
  for (const bin of candidates()) if (await works(bin)) return bin;
  return null;
}

async function apt(args: string[], log: (line: string) => void): Promise<boolean> {
  log(`$ apt-get ${args.join(" ")}`);
  try {
    await run("apt-get", args, { env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
    return true;
  } catch (error) {
    log(`  failed: ${(error as Error).message.split("\n")[0]}`);
    return false;
  }
}

/**
 * The pgbench binary: $PGBENCH, on PATH, or under /usr/lib/postgresql. If there is none, installs
 * postgresql-client-15 (where newer packagings put pgbench); if that has no pgbench (Debian 12 keeps
 * it in postgresql-15), downloads postgresql-15 and unpacks it under .data/pgbench without running
 * its install scripts, which would create and start a PostgreSQL cluster of their own.
 */
export async function findPgbench(log: (line: string) => void = console.log): Promise<string> {
  const found = await locate();
  if (found) return found;
  if (process.getuid?.() !== 0) {
    throw new Error(
      "pgbench not found. Install it (Debian 12: apt-get install postgresql-client-15 libpq5, " +
        "then postgresql-15 for pgbench itself) or set PGBENCH=/path/to/pgbench.",
    );
  }
  log("pgbench not found: installing it");
  await apt(["update"], log);
  if (await apt(["install", "-y", "--no-install-recommends", "postgresql-client-15"], log)) {
    const installed = await locate();
    if (installed) return installed;
  }
  const download = mkdtempSync(path.join(tmpdir(), "pgbench-deb-"));
  try {
    log("$ apt-get download postgresql-15 && dpkg-deb -x …");
    await run("apt-get", ["download", "postgresql-15"], { cwd: download });
    const deb = readdirSync(download).find((f) => f.endsWith(".deb"));
    if (!deb) throw new Error("apt-get download postgresql-15 gave no package");
    await run("dpkg-deb", ["-x", path.join(download, deb), unpackedDir()]);
  } finally {
    rmSync(download, { recursive: true, force: true });
  }
  const unpacked = await locate();
  if (!unpacked)
    throw new Error("pgbench is still missing after installing postgresql-client-15 and postgresql-15");
  return unpacked;
}

export interface Pgbench {
  bin: string;
  database: string;
  version: string;
  /** libpq connection URI without the password (pgbench gets it from PGPASSWORD). */
  uri: string;
  env: NodeJS.ProcessEnv;
}

/**
 * Recreates `name` on the server of `ownerUrl` and initialises it with `pgbench -i -s scale` as the
 * owner role.
 */
export async function createPgbenchDatabase(
  bin: string,
  ownerUrl: string,
  options: { name?: string; scale?: number } = {},
): Promise<Pgbench> {
  const owner = new URL(ownerUrl);
  const user = decodeURIComponent(owner.username);
  const password = decodeURIComponent(owner.password);
  const database = options.name ?? "markettina_pgbench";
  const url = withCredentials(ownerUrl, user, password, database);
  await recreateDatabase(url);
  const uri = new URL(url);
  uri.password = "";
  const pgbench: Pgbench = {
    bin,
    database,
    version: (await run(bin, ["--version"])).stdout.trim(),
    uri: uri.toString(),
    env: { ...process.env, PGPASSWORD: password, PGAPPNAME: "pgbench" },
  };
  await run(bin, ["-i", "-q", "-s", String(options.scale ?? 1), pgbench.uri], { env: pgbench.env });
  return pgbench;
}

export interface PgbenchRun {
  transactions: number;
  failed: number;
  /** Transactions per second, not counting the time to connect. */
  tps: number;
  latencyMs: number;
  output: string;
}

const number = (output: string, pattern: RegExp): number | null => {
  const match = pattern.exec(output);
  return match ? Number(match[1]) : null;
};

/** `pgbench -n -c N -j N -T seconds -M prepared` (the built-in tpcb-like script). */
export function runPgbench(
  pgbench: Pgbench,
  options: { clients: number; seconds: number },
): Promise<PgbenchRun> {
  const seconds = Math.round(options.seconds);
  if (seconds < 1) throw new Error("pgbench runs for whole seconds: use --slice ≥ 1");
  const args = [
    "-n",
    "-b",
    "tpcb-like",
    "-M",
    "prepared",
    "-c",
    String(options.clients),
    "-j",
    String(options.clients),
    "-T",
    String(seconds),
    pgbench.uri,
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(pgbench.bin, args, { env: pgbench.env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      output += chunk;
    });
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
      output += chunk;
    });
    child.on("error", reject);
    child.on("close", (code, signal) => {
      const transactions = number(output, /number of transactions actually processed: (\d+)/);
      const tps = number(
        output,
        /tps = ([\d.]+) \((?:without initial connection time|excluding connections)/,
      );
      const latencyMs = number(output, /latency average = ([\d.]+) ms/);
      if (code !== 0 || transactions === null || tps === null || latencyMs === null) {
        reject(new Error(`pgbench ${args.join(" ")} ended with ${signal ?? code}:\n${output}`));
        return;
      }
      const failed = number(output, /number of failed transactions: (\d+)/) ?? 0;
      resolve({ transactions, failed, tps, latencyMs, output });
    });
  });
}
