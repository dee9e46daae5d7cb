// A webhook's signing secret leaked, or is simply due: a new one replaces it at once and is
// returned once. Deliveries from then on are signed with the new secret only, so the receiver must
// be given it before the next post goes out.
import { schema } from "@markettina/db";
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { OperationContext } from "../context.ts";
import { fail, parseInput } from "../errors.ts";
import { authorize } from "../identity/authorize.ts";
import { recordChange } from "../platform/record-change.ts";
import { connectorSnapshot } from "./connector-inputs.ts";
import type { ConnectorRow } from "./connector-port.ts";
import { newSigningSecret } from "./create-connector.ts";
import { lockConnector } from "./load-connector.ts";

export const ConnectorIdInput = z.object({ id: z.uuid() });
export type ConnectorIdInput = z.input<typeof ConnectorIdInput>;

export async function rotateConnectorSecret(
  ctx: OperationContext,
  raw: ConnectorIdInput,
): Promise<{ connector: ConnectorRow; signingSecret: string }> {
  authorize(ctx, "connectors:manage");
  const input = parseInput(ConnectorIdInput, raw);
  const before = await lockConnector(ctx, input.id);
  if (before.kind !== "webhook") fail("INVALID", "Only webhook connectors sign their deliveries.", "id");
  const signingSecret = newSigningSecret();
  const c = schema.connectors;
  const [after] = await ctx.tx
    .update(c)
    .set({ secret: signingSecret })
    .where(eq(c.id, before.id))
    .returning();
  await recordChange(ctx, {
    action: "connector.secret_rotated",
    entityType: "connector",
    entityId: before.id,
    after: connectorSnapshot(after!),
  });
  return { connector: after!, signingSecret };
}
