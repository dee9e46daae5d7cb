// The campaigns connection's filter as SQL: rows and totalCount use the same condition.
import type { schema } from "@markettina/db";
import { and, arrayContains, eq, ilike, inArray, isNotNull, isNull, type SQL } from "drizzle-orm";

type Campaigns = typeof schema.campaigns;
type Row = Campaigns["$inferSelect"];

export interface CampaignFilterInput {
  statuses?: Row["status"][] | null;
  type?: Row["type"] | null;
  search?: string | null;
  tag?: string | null;
  /** The trash: soft-deleted campaigns (restorable) instead of live ones. */
  deleted?: boolean | null;
}

export function campaignFilter(c: Campaigns, accountId: string, f?: CampaignFilterInput | null): SQL {
  return and(
    eq(c.accountId, accountId),
    f?.deleted ? isNotNull(c.deletedAt) : isNull(c.deletedAt),
    f?.statuses && f.statuses.length > 0 ? inArray(c.status, f.statuses) : undefined,
    f?.type ? eq(c.type, f.type) : undefined,
    f?.search ? ilike(c.name, `%${f.search.replace(/[%_\\]/g, "\\$&")}%`) : undefined,
    f?.tag ? arrayContains(c.tags, [f.tag]) : undefined,
  )!;
}
