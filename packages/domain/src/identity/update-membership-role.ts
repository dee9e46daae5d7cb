import { schema } from "@markettina/db";
import { and, count, eq } from "drizzle-orm";
import type { OperationContext } from "../context.ts";
import { fail, notFound, parseInput } from "../errors.ts";
import { recordChange } from "../platform/record-change.ts";
import { authorize } from "./authorize.ts";
import { RoleInput } from "./inputs.ts";
import { outranks, type Role } from "./roles.ts";

/** Loads a membership of the current account for a change, enforcing who may change whom. */
export async function membershipForChange(ctx: OperationContext, membershipId: string) {
  authorize(ctx, "members:manage");
  const [membership] = await ctx.tx
    .select()
    .from(schema.memberships)
    .where(and(eq(schema.memberships.id, membershipId), eq(schema.memberships.accountId, ctx.accountId)));
  if (!membership) return notFound("membershipId", "Membership");
  if (ctx.role && outranks(membership!.role, ctx.role)) {
    fail("FORBIDDEN", "You cannot change a member whose role is above your own.", "membershipId");
  }
  return membership!;
}

/** An account keeps at least one owner (the last one can be neither demoted nor removed). */
export async function assertNotLastOwner(ctx: OperationContext, role: Role): Promise<void> {
  if (role !== "owner") return;
  const [{ owners } = { owners: 0 }] = await ctx.tx
    .select({ owners: count() })
    .from(schema.memberships)
    .where(and(eq(schema.memberships.accountId, ctx.accountId), eq(schema.memberships.role, "owner")));
  if (owners <= 1) fail("LAST_OWNER", "An account needs at least one owner.", "membershipId");
}

export async function updateMembershipRole(ctx: OperationContext, membershipId: string, rawRole: string) {
  const role = parseInput(RoleInput, rawRole);
  const before = await membershipForChange(ctx, membershipId);
  if (ctx.role && outranks(role, ctx.role))
    fail("FORBIDDEN", "You cannot grant a role above your own.", "role");
  if (before.role === role) return before;
  await assertNotLastOwner(ctx, before.role);
  const [after] = await ctx.tx
    .update(schema.memberships)
    .set({ role })
    .where(eq(schema.memberships.id, membershipId))
    .returning();
  await recordChange(ctx, {
    action: "membership.role_changed",
    entityType: "membership",
    entityId: membershipId,
    before,
    after,
  });
  return after!;
}
