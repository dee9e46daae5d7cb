// Media reads: the current account's library, newest first, by name, tag or kind of file.
import { schema } from "@markettina/db";
import { and, arrayContains, count, eq, ilike, isNull, or, type SQL } from "drizzle-orm";
import { builder } from "../builder.ts";
import { currentAccountId } from "../context.ts";
import { runPlanned } from "../platform/planned-reads.ts";
import { MediaAssetConnection } from "./media-types.ts";

type MediaAssets = typeof schema.mediaAssets;

const MediaAssetFilter = builder.inputType("MediaAssetFilter", {
  fields: (t) => ({
    search: t.string({ description: "Part of the file name or alt text, any case." }),
    tag: t.string(),
    mimePrefix: t.string({
      description: 'The start of the MIME type: "image/", "video/", "application/pdf".',
    }),
  }),
});
type MediaAssetFilterInput = typeof MediaAssetFilter.$inferInput;

const like = (s: string) => s.replace(/[%_\\]/g, "\\$&");

/** The filter as SQL: rows and totalCount use the same condition. Deleted assets never show. */
function mediaAssetFilter(m: MediaAssets, accountId: string, f?: MediaAssetFilterInput | null): SQL {
  return and(
    eq(m.accountId, accountId),
    isNull(m.deletedAt),
    f?.search
      ? or(ilike(m.fileName, `%${like(f.search)}%`), ilike(m.altText, `%${like(f.search)}%`))
      : undefined,
    f?.tag ? arrayContains(m.tags, [f.tag]) : undefined,
    f?.mimePrefix ? ilike(m.mimeType, `${like(f.mimePrefix)}%`) : undefined,
  )!;
}

builder.queryFields((t) => ({
  mediaAssets: t.drizzleConnection(
    {
      type: "mediaAssets",
      authScopes: { permission: "content:read" },
      args: { filter: t.arg({ type: MediaAssetFilter }) },
      totalCount: async (_root, args, ctx) => {
        const m = schema.mediaAssets;
        const [row] = await ctx.tx
          .select({ n: count() })
          .from(m)
          .where(mediaAssetFilter(m, currentAccountId(ctx), args.filter));
        return row?.n ?? 0;
      },
      resolve: (query, _root, args, ctx) =>
        runPlanned(
          ctx.tx.query.mediaAssets.findMany(
            query({
              where: { RAW: (m) => mediaAssetFilter(m, currentAccountId(ctx), args.filter) },
              orderBy: { createdAt: "desc", id: "desc" },
            }),
          ),
        ),
    },
    MediaAssetConnection,
  ),
}));
