import { schema } from "@markettina/db";
import { and, eq } from "drizzle-orm";
import type { OperationContext } from "../context.ts";
import { fail, notFound } from "../errors.ts";
import { recordChange } from "../platform/record-change.ts";
import { authorize } from "./authorize.ts";

export async function revokeInvitation(ctx: OperationContext, invitationId: string) {
  authorize(ctx, "members:manage");
  const where = and(eq(schema.invitations.id, invitationId), eq(schema.invitations.accountId, ctx.accountId));
  const [before] = await ctx.tx.select().from(schema.invitations).where(where);
  if (!before) return notFound("id", "Invitation");
  if (before.status !== "pending") fail("CONFLICT", `This invitation is already ${before.status}.`, "id");
  const [after] = await ctx.tx.update(schema.invitations).set({ status: "revoked" }).where(where).returning();
  await recordChange(ctx, {
    action: "invitation.revoked",
    entityType: "invitation",
    entityId: invitationId,
    before,
    after,
  });
  return after!;
}
