import { schema } from "@markettina/db";
import { eq } from "drizzle-orm";
import type { OperationContext } from "../context.ts";
import { recordChange } from "../platform/record-change.ts";
import { assertNotLastOwner, membershipForChange } from "./update-membership-role.ts";

export async function removeMember(ctx: OperationContext, membershipId: string): Promise<string> {
  const before = await membershipForChange(ctx, membershipId);
  await assertNotLastOwner(ctx, before.role);
  await ctx.tx.delete(schema.memberships).where(eq(schema.memberships.id, membershipId));
  await recordChange(ctx, {
    action: "membership.removed",
    entityType: "membership",
    entityId: membershipId,
    before,
  });
  return membershipId;
}
