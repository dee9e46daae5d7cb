// Removes a connector nobody relies on. Refused (CONFLICT) while posts still point at it: posts
// waiting to go out would have nowhere to go, and published ones keep it as their record of where
// they went (the foreign key holds it too). Such a connector can be disabled instead.
import { schema } from "@markettina/db";
import { and, eq, sql } from "drizzle-orm";
import type { OperationContext } from "../context.ts";
import { fail, parseInput } from "../errors.ts";
import { authorize } from "../identity/authorize.ts";
import { recordChange } from "../platform/record-change.ts";
import { connectorSnapshot } from "./connector-inputs.ts";
import type { ConnectorRow } from "./connector-port.ts";
import { lockConnector } from "./load-connector.ts";
import { ConnectorIdInput } from "./rotate-connector-secret.ts";

export async function deleteConnector(ctx: OperationContext, raw: { id: string }): Promise<ConnectorRow> {
  authorize(ctx, "connectors:manage");
  const input = parseInput(ConnectorIdInput, raw);
  // The lock also holds off a post being scheduled onto it meanwhile (its foreign key check takes
  // a share lock on this row, which waits for ours).
  const before = await lockConnector(ctx, input.id);
  const p = schema.scheduledPosts;
  const [uses] = await ctx.tx
    .select({
      pending: sql<number>`count(*) filter (where ${p.status} in ('scheduled', 'publishing'))`.mapWith(
        Number,
      ),
      total: sql<number>`count(*)`.mapWith(Number),
    })
    .from(p)
    .where(and(eq(p.accountId, ctx.accountId), eq(p.connectorId, before.id)));
  if (uses!.pending > 0) {
    fail(
      "CONFLICT",
      `${uses!.pending} scheduled post${uses!.pending === 1 ? " goes" : "s go"} out through this connector: move or cancel ${uses!.pending === 1 ? "it" : "them"} first, or disable the connector.`,
      "id",
    );
  }
  if (uses!.total > 0) {
    fail(
      "CONFLICT",
      "Posts were published through this connector and keep it in their history: disable it instead.",
      "id",
    );
  }
  const c = schema.connectors;
  await ctx.tx.delete(c).where(eq(c.id, before.id));
  await recordChange(ctx, {
    action: "connector.deleted",
    entityType: "connector",
    entityId: before.id,
    before: connectorSnapshot(before),
  });
  return before;
}
