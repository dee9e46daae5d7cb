// Invites a person by e-mail. The link token is returned once (to be e-mailed or copied) and only
// its hash is stored.
import { schema } from "@markettina/db";
import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { OperationContext } from "../context.ts";
import { fail, parseInput, uniqueViolation } from "../errors.ts";
import { recordChange } from "../platform/record-change.ts";
import { authorize } from "./authorize.ts";
import { Email, RoleInput } from "./inputs.ts";
import { outranks } from "./roles.ts";
import { newInvitationToken } from "./secrets.ts";

export const INVITATION_TTL_DAYS = 7;

export const InviteMemberInput = z.object({ email: Email, role: RoleInput });
export type InviteMemberInput = z.input<typeof InviteMemberInput>;

export async function inviteMember(ctx: OperationContext, raw: InviteMemberInput) {
  authorize(ctx, "members:manage");
  const input = parseInput(InviteMemberInput, raw);
  if (ctx.role && outranks(input.role, ctx.role)) {
    fail("FORBIDDEN", "You cannot invite someone with a role above your own.", "role");
  }
  const [member] = await ctx.tx
    .select({ id: schema.memberships.id })
    .from(schema.memberships)
    .innerJoin(schema.users, eq(schema.users.id, schema.memberships.userId))
    .where(
      and(
        eq(schema.memberships.accountId, ctx.accountId),
        sql`lower(${schema.users.email}) = ${input.email}`,
      ),
    );
  if (member) fail("TAKEN", "This person is already a member of the account.", "email");

  const { token, hash } = newInvitationToken();
  try {
    const [invitation] = await ctx.tx
      .insert(schema.invitations)
      .values({
        accountId: ctx.accountId,
        email: input.email,
        role: input.role,
        tokenHash: hash,
        expiresAt: new Date(Date.now() + INVITATION_TTL_DAYS * 86_400_000),
        createdBy: ctx.actor.userId,
      })
      .returning();
    await recordChange(ctx, {
      action: "invitation.created",
      entityType: "invitation",
      entityId: invitation!.id,
      after: invitation,
    });
    return { invitation: invitation!, token };
  } catch (error) {
    if (uniqueViolation(error) === "invitations_pending_email_key") {
      fail("TAKEN", "An invitation to this address is already pending.", "email");
    }
    throw error;
  }
}
