// Addresses of the product started for e2e by `node packages/devtools/src/start.ts --e2e` (overridable to point
// the specs at another running instance).
export const WEB_URL = process.env.E2E_WEB_URL ?? "http://127.0.0.1:3100";
export const API_URL = process.env.E2E_API_URL ?? "http://127.0.0.1:4100";
