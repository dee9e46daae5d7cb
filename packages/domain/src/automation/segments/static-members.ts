// Members of a static segment are who people put there: added and removed explicitly (each stay is
// a segment_memberships row with its entry and exit time), or captured once from conditions when
// the segment is created. Both are set-based statements, whatever the number of contacts.
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { OperationContext } from "../../context.ts";
import { DomainError, fail, parseInput } from "../../errors.ts";
import { authorize } from "../../identity/authorize.ts";
import { compileConditions } from "./compile-conditions.ts";
import type { Condition } from "./conditions.ts";
import { lockSegment, type SegmentRow } from "./load-segment.ts";
import { segmentLock } from "./refresh-segment.ts";
import { MAX_MEMBERS_PER_CALL } from "./segment-inputs.ts";

export const ChangeSegmentMembersInput = z.object({
  id: z.uuid(),
  contactIds: z.array(z.uuid()).min(1, "Name at least one contact.").max(MAX_MEMBERS_PER_CALL),
});
export type ChangeSegmentMembersInput = z.input<typeof ChangeSegmentMembersInput>;

export interface SegmentMembersChanged {
  segment: SegmentRow;
  /** Contacts whose membership changed (those already in, or already out, are left alone). */
  changed: number;
}

/** The static segment a member change names, locked (its advisory lock, then its row). */
export async function lockStaticSegment(ctx: OperationContext, raw: ChangeSegmentMembersInput) {
  authorize(ctx, "contacts:write");
  const input = parseInput(ChangeSegmentMembersInput, raw);
  await segmentLock(ctx, [input.id], "exclusive");
  const segment = await lockSegment(ctx, input.id);
  if (segment.kind !== "static") {
    fail("INVALID", "A dynamic segment's members follow its conditions: edit those instead.", "id");
  }
  return { input, segment };
}

/** Makes the contacts matching `condition` now members (static segments created from a tree). */
export async function snapshotMembers(ctx: OperationContext, segmentId: string, condition: Condition) {
  await ctx.tx.execute(sql`
    insert into segment_memberships (id, account_id, segment_id, contact_id)
    select app.uuidv7(), ${ctx.accountId}, ${segmentId}, c.id from contacts c
     where ${compileConditions(condition, { accountId: ctx.accountId })}
     order by c.id`);
}

/** Refuses ids that are not live contacts of the account, naming each one's position. */
export async function assertContacts(ctx: OperationContext, contactIds: readonly string[]): Promise<void> {
  const missing = await ctx.tx.execute<{ n: number }>(sql`
    select t.n::int - 1 as n from unnest(${sql.param([...contactIds])}::uuid[]) with ordinality as t(id, n)
     where not exists (select 1 from contacts c where c.account_id = ${ctx.accountId}
                          and c.id = t.id and c.deleted_at is null)
     order by t.n`);
  if (missing.length > 0) {
    throw new DomainError(
      missing.map((m) => ({
        field: `contactIds.${m.n}`,
        code: "NOT_FOUND" as const,
        message: "Contact not found.",
      })),
    );
  }
}

/** Adds the contacts that are not members yet; answers those added. */
export async function insertMembers(
  ctx: OperationContext,
  segmentId: string,
  contactIds: readonly string[],
): Promise<string[]> {
  const rows = await ctx.tx.execute<{ contact_id: string }>(sql`
    insert into segment_memberships (id, account_id, segment_id, contact_id)
    select app.uuidv7(), ${ctx.accountId}, ${segmentId}, t.id
      from (select distinct id from unnest(${sql.param([...contactIds])}::uuid[]) as u(id)) t
     order by t.id
    on conflict (account_id, segment_id, contact_id) where exited_at is null do nothing
    returning contact_id`);
  return rows.map((r) => r.contact_id);
}

/** Ends the current membership of these contacts; answers those removed. */
export async function endMembers(
  ctx: OperationContext,
  segmentId: string,
  contactIds: readonly string[],
): Promise<string[]> {
  const rows = await ctx.tx.execute<{ contact_id: string }>(sql`
    update segment_memberships m set exited_at = greatest(now(), m.entered_at)
     where m.account_id = ${ctx.accountId} and m.segment_id = ${segmentId}
       and m.contact_id = any(${sql.param([...contactIds])}::uuid[]) and m.exited_at is null
    returning m.contact_id`);
  return rows.map((r) => r.contact_id);
}
