// Creates an API key for integrators. The secret is returned once and never stored.
import { schema } from "@markettina/db";
import { z } from "zod";
import type { OperationContext } from "../context.ts";
import { parseInput } from "../errors.ts";
import { recordChange } from "../platform/record-change.ts";
import { authorize } from "./authorize.ts";
import { API_SCOPES } from "./scopes.ts";
import { newApiKeySecret } from "./secrets.ts";

export const CreateApiKeyInput = z.object({
  name: z.string().trim().min(1, "Enter a name.").max(80),
  scopes: z.array(z.enum(API_SCOPES)).min(1, "Choose at least one scope."),
  expiresAt: z.coerce
    .date()
    .refine((d) => d.getTime() > Date.now(), "The expiry must be in the future.")
    .nullish(),
});
export interface CreateApiKeyInput {
  name: string;
  scopes: readonly string[];
  expiresAt?: Date | string | null;
}

export async function createApiKey(ctx: OperationContext, raw: CreateApiKeyInput) {
  authorize(ctx, "api_keys:manage");
  const input = parseInput(CreateApiKeyInput, raw);
  const { secret, prefix, hash } = newApiKeySecret();
  const [apiKey] = await ctx.tx
    .insert(schema.apiKeys)
    .values({
      accountId: ctx.accountId,
      name: input.name,
      prefix,
      secretHash: hash,
      scopes: [...new Set(input.scopes)],
      expiresAt: input.expiresAt ?? null,
      createdBy: ctx.actor.userId,
    })
    .returning();
  await recordChange(ctx, {
    action: "api_key.created",
    entityType: "api_key",
    entityId: apiKey!.id,
    after: apiKey,
  });
  return { apiKey: apiKey!, secret };
}
