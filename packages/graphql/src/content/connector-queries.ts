// The current account's connectors, by name.
import { schema } from "@markettina/db";
import { and, count, eq, type SQL } from "drizzle-orm";
import { builder } from "../builder.ts";
import { currentAccountId } from "../context.ts";
import { runPlanned } from "../platform/planned-reads.ts";
import { ConnectorConnection, ConnectorKindEnum } from "./connector-types.ts";

type Kind = (typeof schema.connectors.$inferSelect)["kind"];

const connectorFilter = (
  c: typeof schema.connectors,
  accountId: string,
  args: { kind?: Kind | null; enabled?: boolean | null },
): SQL | undefined =>
  and(
    eq(c.accountId, accountId),
    args.kind ? eq(c.kind, args.kind) : undefined,
    args.enabled === null || args.enabled === undefined ? undefined : eq(c.enabled, args.enabled),
  );

builder.queryFields((t) => ({
  connectors: t.drizzleConnection(
    {
      type: "connectors",
      authScopes: { permission: "content:read" },
      args: {
        kind: t.arg({ type: ConnectorKindEnum }),
        enabled: t.arg.boolean({ description: "Only enabled (true) or disabled (false) ones." }),
      },
      totalCount: async (_root, args, ctx) => {
        const c = schema.connectors;
        const [row] = await ctx.tx
          .select({ n: count() })
          .from(c)
          .where(connectorFilter(c, currentAccountId(ctx), args));
        return row?.n ?? 0;
      },
      resolve: (query, _root, args, ctx) =>
        runPlanned(
          ctx.tx.query.connectors.findMany(
            query({
              where: { RAW: (c) => connectorFilter(c, currentAccountId(ctx), args)! },
              orderBy: { name: "asc", id: "asc" },
            }),
          ),
        ),
    },
    ConnectorConnection,
  ),
}));
