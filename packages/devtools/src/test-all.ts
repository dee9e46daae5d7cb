// `pnpm test`: every check and test, in order of cost: lint, typecheck, unit + integration
// (vitest, real PostgreSQL), then end-to-end in real Chromium (Playwright, production build).
// Ends with one line `N passed, N failed` summing every test case (and lint/typecheck as one
// check each).
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../../..");
const out = mkdtempSync(path.join(tmpdir(), "markettina-test-"));
let passed = 0;
let failed = 0;
const lines: string[] = [];

function run(label: string, cmd: string, args: string[], env: Record<string, string> = {}): boolean {
  console.log(`\n━━ ${label}: ${cmd} ${args.join(" ")}`);
  const started = Date.now();
  const result = spawnSync(cmd, args, { cwd: root, stdio: "inherit", env: { ...process.env, ...env } });
  const ok = result.status === 0;
  lines.push(`${ok ? "✓" : "✗"} ${label} (${Math.round((Date.now() - started) / 1000)}s)`);
  return ok;
}

function check(label: string, cmd: string, args: string[]): void {
  if (run(label, cmd, args)) passed++;
  else failed++;
}

interface VitestReport {
  numPassedTests: number;
  numFailedTests: number;
  numTotalTests: number;
}
interface PlaywrightReport {
  stats: { expected: number; unexpected: number; flaky: number; skipped: number };
}

check("lint", "pnpm", ["exec", "biome", "ci", "."]);
check("typecheck", "pnpm", ["-r", "typecheck"]);
check("typecheck bench", "pnpm", ["exec", "tsc", "--noEmit", "-p", "bench"]);

const vitestJson = path.join(out, "vitest.json");
const vitestOk = run("unit + integration", "pnpm", [
  "exec",
  "vitest",
  "run",
  "--reporter=default",
  "--reporter=json",
  `--outputFile.json=${vitestJson}`,
]);
if (existsSync(vitestJson)) {
  const report = JSON.parse(readFileSync(vitestJson, "utf8")) as VitestReport;
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  if (!vitestOk && report.numFailedTests === 0) failed++; // e.g. a suite that failed to load
} else failed++;

const built = run("web build", "pnpm", ["--filter", "@markettina/web", "build"], {
  NEXT_TELEMETRY_DISABLED: "1",
});
if (!built) failed++;
else {
  const playwrightJson = path.join(out, "playwright.json");
  const e2eOk = run("end-to-end", "pnpm", ["exec", "playwright", "test", "--reporter=list,json"], {
    PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightJson,
    MARKETTINA_SKIP_BUILD: "1",
  });
  if (existsSync(playwrightJson)) {
    const { stats } = JSON.parse(readFileSync(playwrightJson, "utf8")) as PlaywrightReport;
    passed += stats.expected + stats.flaky;
    failed += stats.unexpected;
    if (!e2eOk && stats.unexpected === 0) failed++;
  } else failed++;
}

console.log(`\n${lines.join("\n")}\n`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
