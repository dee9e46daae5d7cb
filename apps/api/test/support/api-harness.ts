// Starts the real API (HTTP, real PostgreSQL as markettina_app) on a database of its own with the
// demo data, and talks to it over HTTP like a client would.
import { createClient, type DatabaseClient, seedDemo } from "@markettina/db";
import { createTestDatabase, statementCounter, type TestDatabase } from "@markettina/db/testing";
import { SignJWT } from "jose";
import type { ApiConfig } from "../../src/config.ts";
import { CONSOLE_TOKEN_AUDIENCE, CONSOLE_TOKEN_ISSUER, type RunningApi, startApi } from "../../src/index.ts";

export const TEST_AUTH_SECRET = "test-secret-0123456789abcdef0123456789abcdef";

export interface GqlResponse<T = Record<string, unknown>> {
  status: number;
  body: {
    data?: T | null;
    errors?: { message: string; path?: string[]; extensions?: Record<string, unknown> }[];
  };
}

export interface Harness {
  api: RunningApi;
  database: TestDatabase;
  /** Owner connection for fixtures and for checking rows behind the API's back. */
  owner: DatabaseClient;
  counter: ReturnType<typeof statementCounter>;
  userId: (email: string) => Promise<string>;
  consoleToken: (email: string) => Promise<string>;
  gql: <T = Record<string, unknown>>(
    query: string,
    options?: { as?: string; bearer?: string; account?: string; variables?: Record<string, unknown> },
  ) => Promise<GqlResponse<T>>;
  close: () => Promise<void>;
}

export async function startHarness(options: { config?: Partial<ApiConfig> } = {}): Promise<Harness> {
  const database = await createTestDatabase();
  await seedDemo(database.ownerUrl);
  const counter = statementCounter({ ignore: /^\s*(begin|commit|rollback|savepoint|release)\b/i });
  const api = await startApi({
    appUrl: database.appUrl,
    worker: false,
    config: { port: 0, authSecret: TEST_AUTH_SECRET, ...options.config },
    onQuery: counter.onQuery,
    logger: (await import("pino")).default({ level: process.env.TEST_LOG_LEVEL ?? "silent" }),
  });
  const owner = createClient(database.ownerUrl, { max: 2 });
  const ids = new Map<string, string>();

  const userId = async (email: string) => {
    if (!ids.has(email)) {
      const rows = await owner.sql<{ id: string }[]>`select id from users where email = ${email}`;
      if (!rows[0]) throw new Error(`no user ${email}`);
      ids.set(email, rows[0].id);
    }
    return ids.get(email)!;
  };

  const consoleToken = async (email: string) =>
    new SignJWT({})
      .setProtectedHeader({ alg: "HS256" })
      .setSubject(await userId(email))
      .setIssuer(CONSOLE_TOKEN_ISSUER)
      .setAudience(CONSOLE_TOKEN_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime("5m")
      .sign(new TextEncoder().encode(TEST_AUTH_SECRET));

  const gql: Harness["gql"] = async (query, options = {}) => {
    const headers: Record<string, string> = { "content-type": "application/json" };
    const bearer = options.bearer ?? (options.as ? await consoleToken(options.as) : undefined);
    if (bearer) headers.authorization = `Bearer ${bearer}`;
    if (options.account) headers["x-account-id"] = options.account;
    const res = await fetch(`${api.url}/graphql`, {
      method: "POST",
      headers,
      body: JSON.stringify({ query, variables: options.variables ?? {} }),
    });
    return { status: res.status, body: (await res.json()) as GqlResponse["body"] } as never;
  };

  return {
    api,
    database,
    owner,
    counter,
    userId,
    consoleToken,
    gql,
    close: async () => {
      await api.close();
      await owner.close();
      await database.drop();
    },
  };
}
