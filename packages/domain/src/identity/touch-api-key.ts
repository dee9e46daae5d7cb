import type { Transaction } from "@markettina/db";
import { schema } from "@markettina/db";
import { and, eq, isNull, lt, or } from "drizzle-orm";

/** Records that a key was used; at most once a minute, so busy keys do not write on every call. */
export async function touchApiKey(tx: Transaction, apiKeyId: string): Promise<void> {
  const minuteAgo = new Date(Date.now() - 60_000);
  await tx
    .update(schema.apiKeys)
    .set({ lastUsedAt: new Date() })
    .where(
      and(
        eq(schema.apiKeys.id, apiKeyId),
        or(isNull(schema.apiKeys.lastUsedAt), lt(schema.apiKeys.lastUsedAt, minuteAgo)),
      ),
    );
}
