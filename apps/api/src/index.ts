export { type RunningApi, type StartOptions, startApi } from "./app.ts";
export { CONSOLE_TOKEN_AUDIENCE, CONSOLE_TOKEN_ISSUER } from "./http/console-token.ts";
export { QUEUES } from "./jobs/worker.ts";
