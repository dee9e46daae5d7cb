// Accepting an invitation: a signed-in user joins with their own account (the invitation must be
// addressed to them); an anonymous visitor creates their user with a name and password.
import { applyScope, emptyScope, schema, type Transaction, uuidv7 } from "@markettina/db";
import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Actor, OperationContext } from "../context.ts";
import { fail, parseInput } from "../errors.ts";
import { recordChange } from "../platform/record-change.ts";
import { Password } from "./inputs.ts";
import type { Role } from "./roles.ts";
import { hashPassword, sha256 } from "./secrets.ts";

export const AcceptInvitationInput = z.object({
  token: z.string().min(1),
  name: z.string().trim().min(1, "Enter your name.").max(120).optional(),
  password: Password.optional(),
});
export type AcceptInvitationInput = z.input<typeof AcceptInvitationInput>;

interface InvitationRow {
  id: string;
  account_id: string;
  email: string;
  role: Role;
  status: string;
  expires_at: string;
}

export async function acceptInvitation(tx: Transaction, actor: Actor, raw: AcceptInvitationInput) {
  const input = parseInput(AcceptInvitationInput, raw);
  // Looked up by the hash of the token the visitor holds: before any tenant scope exists.
  const [invitation] = await tx.execute<InvitationRow>(
    sql`select * from app.find_invitation(${sha256(input.token)})`,
  );
  if (!invitation || invitation.status === "revoked")
    fail("NOT_FOUND", "This invitation does not exist.", "token");
  if (invitation!.status === "accepted")
    fail("CONFLICT", "This invitation has already been accepted.", "token");
  if (new Date(invitation!.expires_at).getTime() <= Date.now()) {
    fail("EXPIRED", "This invitation has expired. Ask for a new one.", "token");
  }
  const inv = invitation!;

  let userId = actor.userId;
  if (userId) {
    await applyScope(tx, { ...emptyScope, userId });
    const [me] = await tx
      .select({ email: schema.users.email })
      .from(schema.users)
      .where(eq(schema.users.id, userId));
    if (me?.email.toLowerCase() !== inv.email.toLowerCase()) {
      fail("FORBIDDEN", "This invitation was sent to another e-mail address.", "token");
    }
  } else {
    if (!input.name) fail("INVALID", "Enter your name.", "name");
    if (!input.password) fail("INVALID", "Choose a password.", "password");
    const [{ taken } = { taken: false }] = await tx.execute<{ taken: boolean }>(
      sql`select app.email_taken(${inv.email}) as taken`,
    );
    if (taken) fail("TAKEN", "An account with this e-mail exists: sign in to accept.", "email");
    userId = uuidv7();
    // Explicit columns: the application role may insert only these (never is_platform_admin).
    // The invitation link proved the address, so it is verified.
    await tx.execute(sql`
      insert into users (id, email, name, password_hash, email_verified_at)
      values (${userId}, ${inv.email}, ${input.name!}, ${await hashPassword(input.password!)}, now())`);
  }

  const scope = { ...emptyScope, accountId: inv.account_id, accountIds: [inv.account_id], userId };
  await applyScope(tx, scope);
  const ctx: OperationContext = {
    tx,
    actor: { ...actor, userId },
    accountId: inv.account_id,
    role: inv.role,
    scopes: null,
    scope,
  };
  const [membership] = await tx
    .insert(schema.memberships)
    .values({ accountId: inv.account_id, userId, role: inv.role, createdBy: userId })
    .onConflictDoUpdate({
      target: [schema.memberships.accountId, schema.memberships.userId],
      set: { role: inv.role },
    })
    .returning();
  await tx
    .update(schema.invitations)
    .set({ status: "accepted", acceptedAt: new Date(), acceptedBy: userId })
    .where(eq(schema.invitations.id, inv.id));
  await recordChange(ctx, {
    action: "invitation.accepted",
    entityType: "membership",
    entityId: membership!.id,
    after: membership,
    payload: { invitationId: inv.id, userId, role: inv.role },
  });
  return membership!;
}
