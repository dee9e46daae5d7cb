// The three ways of answering the benchmark's read, each returning the response body as JSON text.
import { randomUUID } from "node:crypto";
import { Agent, request } from "node:http";
import { applyScope, type DatabaseClient, type TenantScope } from "../../packages/db/src/index.ts";
import { MEMBERS_PER_ACCOUNT, SUB_ACCOUNTS } from "./bench-database.ts";

export const QUERY = `{ subAccounts(first: ${SUB_ACCOUNTS}) { nodes { name slug memberships(first: ${MEMBERS_PER_ACCOUNT}) { nodes { role user { name email } } } } } }`;

/** (a) POST /graphql over a keep-alive connection, as the console calls it. */
export function graphqlOverHttp(options: { url: string; token: string; account: string; sockets: number }) {
  const agent = new Agent({ keepAlive: true, maxSockets: options.sockets });
  const body = JSON.stringify({ query: QUERY });
  const target = new URL("/graphql", options.url);
  const headers = {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(body),
    authorization: `Bearer ${options.token}`,
    "x-account-id": options.account,
  };
  const op = () =>
    new Promise<string>((resolve, reject) => {
      const req = request(target, { method: "POST", agent, headers }, (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (chunk) => {
          text += chunk;
        });
        res.on("end", () =>
          res.statusCode === 200 ? resolve(text) : reject(new Error(`HTTP ${res.statusCode}: ${text}`)),
        );
        res.on("error", reject);
      });
      req.on("error", reject);
      req.end(body);
    });
  return { op, close: () => agent.destroy() };
}

/**
 * (b) The baseline: one RLS transaction through postgres.js — BEGIN; the settings of
 * scopeSettingsSql; one hand-written statement that builds the response with json aggregation;
 * COMMIT — and JSON.stringify. GraphQL enum values are upper case, so is `role` here.
 */
export function handWrittenSql(client: DatabaseClient, scopeFor: (requestId: string) => TenantScope) {
  return () =>
    client.sql.begin(async (tx) => {
      const scope = scopeFor(randomUUID());
      await tx`select
        set_config('app.account_id', ${scope.accountId ?? ""}, true),
        set_config('app.account_ids', ${`{${scope.accountIds.join(",")}}`}, true),
        set_config('app.user_id', ${scope.userId ?? ""}, true),
        set_config('app.api_key_id', ${scope.apiKeyId ?? ""}, true),
        set_config('app.request_id', ${scope.requestId ?? ""}, true),
        set_config('statement_timeout', ${String(scope.statementTimeoutMs ?? 10_000)}, true)`;
      const [row] = await tx<{ body: unknown }[]>`
        select json_build_object('data', json_build_object('subAccounts', json_build_object('nodes',
                 coalesce(json_agg(json_build_object(
                   'name', a.name, 'slug', a.slug,
                   'memberships', json_build_object('nodes', m.nodes)) order by a.name, a.id), '[]'::json)))) as body
          from (select id, name, slug from accounts
                 where parent_account_id = ${scope.accountId} and deleted_at is null
                 order by name, id limit ${SUB_ACCOUNTS}) a
          cross join lateral (
            select coalesce(json_agg(json_build_object(
                     'role', upper(mm.role::text), 'user', json_build_object('name', u.name, 'email', u.email))
                     order by mm.created_at, mm.id), '[]'::json) as nodes
              from (select id, role, user_id, created_at from memberships
                     where account_id = a.id order by created_at, id limit ${MEMBERS_PER_ACCOUNT}) mm
              join users u on u.id = mm.user_id) m`;
      return JSON.stringify(row!.body);
    });
}

/**
 * (c) The Drizzle relational query alone, written the ordinary way (drizzle sends it unprepared),
 * in the same kind of transaction (applyScope), serialised the same way.
 */
export function drizzleRelationalQuery(client: DatabaseClient, scopeFor: (requestId: string) => TenantScope) {
  return () =>
    client.db.transaction(async (tx) => {
      const scope = scopeFor(randomUUID());
      await applyScope(tx, scope);
      const rows = await tx.query.accounts.findMany({
        columns: { name: true, slug: true },
        where: { parentAccountId: scope.accountId!, deletedAt: { isNull: true } },
        orderBy: { name: "asc", id: "asc" },
        limit: SUB_ACCOUNTS,
        with: {
          memberships: {
            columns: { role: true },
            orderBy: { createdAt: "asc", id: "asc" },
            limit: MEMBERS_PER_ACCOUNT,
            with: { user: { columns: { name: true, email: true } } },
          },
        },
      });
      const nodes = rows.map((a) => ({
        name: a.name,
        slug: a.slug,
        memberships: { nodes: a.memberships.map((m) => ({ role: m.role.toUpperCase(), user: m.user })) },
      }));
      return JSON.stringify({ data: { subAccounts: { nodes } } });
    });
}
