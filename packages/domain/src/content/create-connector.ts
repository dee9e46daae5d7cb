// An owner or admin sets up where posts go. A webhook connector gets a signing secret of its own,
// generated here and returned once (the receiver needs it to verify signatures); it is stored
// because every delivery is signed with it, but no read ever returns it again.
import { randomBytes } from "node:crypto";
import { schema } from "@markettina/db";
import { z } from "zod";
import type { OperationContext } from "../context.ts";
import { fail, parseInput, uniqueViolation } from "../errors.ts";
import { authorize } from "../identity/authorize.ts";
import { recordChange } from "../platform/record-change.ts";
import {
  CONNECTOR_KINDS,
  ConnectorName,
  connectorSnapshot,
  parseConnectorConfig,
} from "./connector-inputs.ts";
import type { ConnectorRow } from "./connector-port.ts";
import { CONNECTOR_NAME_TAKEN } from "./load-connector.ts";

export const CreateConnectorInput = z.object({
  kind: z.enum(CONNECTOR_KINDS),
  name: ConnectorName,
  config: z.unknown(),
  enabled: z.boolean().default(true),
});
export type CreateConnectorInput = z.input<typeof CreateConnectorInput>;

/** 32 random bytes: the HMAC-SHA256 key a webhook's deliveries are signed with. */
export const newSigningSecret = (): string => `whsec_${randomBytes(32).toString("base64url")}`;

export async function createConnector(
  ctx: OperationContext,
  raw: CreateConnectorInput,
): Promise<{ connector: ConnectorRow; signingSecret: string | null }> {
  authorize(ctx, "connectors:manage");
  const input = parseInput(CreateConnectorInput, raw);
  const config = parseConnectorConfig(input.kind, input.config);
  const signingSecret = input.kind === "webhook" ? newSigningSecret() : null;
  try {
    const [created] = await ctx.tx
      .insert(schema.connectors)
      .values({
        accountId: ctx.accountId,
        kind: input.kind,
        name: input.name,
        config,
        secret: signingSecret,
        enabled: input.enabled,
        createdBy: ctx.actor.userId,
      })
      .returning();
    await recordChange(ctx, {
      action: "connector.created",
      entityType: "connector",
      entityId: created!.id,
      after: connectorSnapshot(created!),
    });
    return { connector: created!, signingSecret };
  } catch (error) {
    if (uniqueViolation(error) === CONNECTOR_NAME_TAKEN) {
      fail("TAKEN", "There is already a connector with this name.", "name");
    }
    throw error;
  }
}
