// Renames, reconfigures, disables or enables a connector. Its kind never changes (posts were
// scheduled for what it carries). A disabled connector publishes nothing: its due posts fail with
// a message saying so, rather than going out somewhere nobody expects any more.
import { schema } from "@markettina/db";
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { OperationContext } from "../context.ts";
import { fail, parseInput, uniqueViolation } from "../errors.ts";
import { authorize } from "../identity/authorize.ts";
import { recordChange } from "../platform/record-change.ts";
import {
  ConnectorName,
  connectorSnapshot,
  keepHiddenValues,
  parseConnectorConfig,
} from "./connector-inputs.ts";
import type { ConnectorRow } from "./connector-port.ts";
import { CONNECTOR_NAME_TAKEN, lockConnector } from "./load-connector.ts";

export const UpdateConnectorInput = z.object({
  id: z.uuid(),
  name: ConnectorName.optional(),
  /** The whole new config (replaces the stored one); webhook header values sent back hidden
   * (HIDDEN_VALUE) keep what is stored. */
  config: z.unknown().optional(),
  enabled: z.boolean().optional(),
});
export type UpdateConnectorInput = z.input<typeof UpdateConnectorInput>;

export async function updateConnector(
  ctx: OperationContext,
  raw: UpdateConnectorInput,
): Promise<ConnectorRow> {
  authorize(ctx, "connectors:manage");
  const input = parseInput(UpdateConnectorInput, raw);
  const before = await lockConnector(ctx, input.id);
  const changes: Partial<ConnectorRow> = {};
  if (input.name !== undefined) changes.name = input.name;
  if (input.enabled !== undefined) changes.enabled = input.enabled;
  if (input.config !== undefined) {
    changes.config = parseConnectorConfig(
      before.kind,
      keepHiddenValues(before.kind, input.config, before.config),
    );
  }
  if (Object.keys(changes).length === 0) return before;
  try {
    const c = schema.connectors;
    const [after] = await ctx.tx.update(c).set(changes).where(eq(c.id, before.id)).returning();
    await recordChange(ctx, {
      action: "connector.updated",
      entityType: "connector",
      entityId: before.id,
      before: connectorSnapshot(before),
      after: connectorSnapshot(after!),
    });
    return after!;
  } catch (error) {
    if (uniqueViolation(error) === CONNECTOR_NAME_TAKEN) {
      fail("TAKEN", "There is already a connector with this name.", "name");
    }
    throw error;
  }
}
