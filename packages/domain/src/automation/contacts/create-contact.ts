// A marketer (or an integration) adds one contact. Bulk loads go through upsert-contacts.ts.
import { schema } from "@markettina/db";
import type { z } from "zod";
import type { OperationContext } from "../../context.ts";
import { fail, parseInput } from "../../errors.ts";
import { authorize } from "../../identity/authorize.ts";
import { recordChange } from "../../platform/record-change.ts";
import { refreshContactMemberships } from "../segments/refresh-contact-memberships.ts";
import { ContactFields, type ContactRow, reachabilityProblem } from "./contact-inputs.ts";
import { failOnTakenContactKey } from "./load-contact.ts";

export const CreateContactInput = ContactFields.partial();
export type CreateContactInput = z.input<typeof CreateContactInput>;

export async function createContact(ctx: OperationContext, raw: CreateContactInput): Promise<ContactRow> {
  authorize(ctx, "contacts:write");
  const input = parseInput(CreateContactInput, raw);
  const problem = reachabilityProblem(input);
  if (problem) fail("INVALID", problem.message, problem.field);
  const values = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
  let created: ContactRow;
  try {
    [created] = (await ctx.tx
      .insert(schema.contacts)
      .values({ ...values, accountId: ctx.accountId, createdBy: ctx.actor.userId })
      .returning()) as [ContactRow];
  } catch (error) {
    failOnTakenContactKey(error);
  }
  await recordChange(ctx, {
    action: "contact.created",
    entityType: "contact",
    entityId: created.id,
    after: created,
  });
  // A new contact may already match dynamic segments (by its attributes or tags).
  await refreshContactMemberships(ctx, [created.id]);
  return created;
}
