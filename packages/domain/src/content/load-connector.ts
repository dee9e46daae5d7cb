// The connector a change names, locked (select … for update) so concurrent edits, a rotation and a
// delete are applied one after the other. Connectors carry no version column: the last edit wins.
import { schema } from "@markettina/db";
import { and, eq } from "drizzle-orm";
import type { OperationContext } from "../context.ts";
import { notFound } from "../errors.ts";
import type { ConnectorRow } from "./connector-port.ts";

export const CONNECTOR_NAME_TAKEN = "connectors_name_key";

export async function lockConnector(ctx: OperationContext, id: string): Promise<ConnectorRow> {
  const c = schema.connectors;
  const [row] = await ctx.tx
    .select()
    .from(c)
    .where(and(eq(c.accountId, ctx.accountId), eq(c.id, id)))
    .for("update");
  return row ?? notFound("id", "Connector");
}
